#include "flows/upstream/upstream_config.h"

#include <set>
#include <stdexcept>

#include "ports/url_rules.h"

namespace uia::flows::upstream {
namespace {

using nlohmann::json;

void fail(const std::string& key, const std::string& why) { throw std::runtime_error(key + " " + why); }

bool is_name(const std::string& name) {
  if (name.empty() || name.size() > 32) return false;
  for (unsigned char c : name)
    if (!(std::islower(c) || std::isdigit(c) || c == '_' || c == '-')) return false;
  return true;
}

UpstreamProvider parse_provider(const json& entry, const std::string& at, bool dev_mode) {
  if (!entry.is_object()) fail(at, "must be an object");
  static const std::set<std::string> urls = {"issuer", "authorization_endpoint", "token_endpoint", "jwks_uri",
                                             "userinfo_endpoint", "redirect_uri"};
  static const std::set<std::string> texts = {"name", "display_name", "client_id", "client_secret",
                                              "scope", "id_number_claim", "ca_file"};
  static const std::set<std::string> required = {"name", "display_name", "issuer", "authorization_endpoint",
                                                 "token_endpoint", "jwks_uri", "client_id", "client_secret",
                                                 "redirect_uri"};
  UpstreamProvider p;
  for (const auto& [key, value] : entry.items()) {
    const std::string where = at + "." + key;
    if (key == "timeout_ms" || key == "connect_timeout_ms") {
      if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 60000)
        fail(where, "must be an integer from 1 to 60000");
      (key == "timeout_ms" ? p.timeout_ms : p.connect_timeout_ms) = static_cast<long>(value.get<long long>());
      continue;
    }
    if (key == "authorization_response_iss_parameter_supported") {
      if (!value.is_boolean()) fail(where, "must be true or false");
      p.iss_parameter_supported = value.get<bool>();
      continue;
    }
    if (!urls.count(key) && !texts.count(key)) fail(where, "is not a known setting");
    if (!value.is_string() || value.get<std::string>().empty()) fail(where, "must be a non-empty string");
    const std::string text = value.get<std::string>();
    if (urls.count(key)) {
      if (!ports::url_looks_valid(text)) fail(where, "must be an http:// or https:// URL");
      if (!dev_mode && !ports::url_is_protected(text))
        fail(where, "must use https:// in production (plain http only to a loopback host)");
    }
    if (key == "name") p.name = text;
    else if (key == "display_name") p.display_name = text;
    else if (key == "issuer") p.issuer = text;
    else if (key == "authorization_endpoint") p.authorization_endpoint = text;
    else if (key == "token_endpoint") p.token_endpoint = text;
    else if (key == "jwks_uri") p.jwks_uri = text;
    else if (key == "userinfo_endpoint") p.userinfo_endpoint = text;
    else if (key == "redirect_uri") p.redirect_uri = text;
    else if (key == "client_id") p.client_id = text;
    else if (key == "client_secret") p.client_secret = text;
    else if (key == "scope") p.scope = text;
    else if (key == "id_number_claim") p.id_number_claim = text;
    else if (key == "ca_file") p.ca_file = text;
  }
  for (const auto& key : required)
    if (!entry.contains(key)) fail(at + "." + key, "is required");
  if (!is_name(p.name)) fail(at + ".name", "must be 1-32 of a-z, 0-9, _ and -");
  if (p.authorization_endpoint.find('#') != std::string::npos) fail(at + ".authorization_endpoint", "must not have a fragment");
  if (p.scope.find("openid") == std::string::npos) fail(at + ".scope", "must include openid");
  return p;
}

}  // namespace

std::vector<UpstreamProvider> parse_upstream_config(const json& section, bool dev_mode) {
  std::vector<UpstreamProvider> out;
  if (section.is_null()) return out;
  if (!section.is_object()) fail("upstream", "must be an object");
  for (const auto& [key, value] : section.items())
    if (key != "providers") fail("upstream." + key, "is not a known setting");
  const auto it = section.find("providers");
  if (it == section.end()) return out;
  if (!it->is_array()) fail("upstream.providers", "must be a list");
  std::set<std::string> names;
  for (std::size_t i = 0; i < it->size(); ++i) {
    UpstreamProvider p = parse_provider((*it)[i], "upstream.providers[" + std::to_string(i) + "]", dev_mode);
    if (!names.insert(p.name).second) fail("upstream.providers[" + std::to_string(i) + "].name", "repeats " + p.name);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace uia::flows::upstream
