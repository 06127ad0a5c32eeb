#include "flows/oidc/oauth_http.h"

#include "crypto/jose.h"
#include "api/percent_encode.h"
#include "http/percent_decode.h"

namespace uia::flows::oidc {

std::optional<std::string> form_decode(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced)
    if (c == '+') c = ' ';
  return http::percent_decode(spaced);
}

std::string form_encode(std::string_view text) {
  return percent_encode(text);
}

std::optional<Params> parse_form(std::string_view body) {
  Params out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const auto name = form_decode(pair.substr(0, eq));
    const auto value = form_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (!name || !value || name->empty()) return std::nullopt;
    if (!out.emplace(*name, *value).second) return std::nullopt;
  }
  return out;
}

std::optional<Params> decoded_query(const http::ApiRequest& request) {
  Params out;
  for (const auto& [name, value] : request.query) {
    const auto decoded_name = form_decode(name);
    const auto decoded = form_decode(value);
    if (!decoded_name || !decoded) return std::nullopt;
    out[*decoded_name] = *decoded;
  }
  return out;
}

std::string with_params(const std::string& base, const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = base;
  char separator = base.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : params) {
    out += separator + form_encode(name) + "=" + form_encode(value);
    separator = '&';
  }
  return out;
}

http::ApiResponse oauth_error(int status, const std::string& code, const std::string& description) {
  return no_store_json(status, {{"error", code}, {"error_description", description}});
}

http::ApiResponse redirect(const std::string& location) {
  http::ApiResponse out;
  out.status = 302;
  out.headers.emplace_back("Location", location);
  return out;
}

http::ApiResponse no_store_json(int status, nlohmann::json body) {
  auto out = http::ApiResponse::json(status, std::move(body));
  out.headers.emplace_back("Cache-Control", "no-store");
  out.headers.emplace_back("Pragma", "no-cache");
  return out;
}

std::optional<ClientCredentials> client_credentials(const OidcCall& call, const Params& form) {
  const auto id_it = form.find("client_id");
  const auto secret_it = form.find("client_secret");
  if (!call.basic_credentials.empty()) {
    if (secret_it != form.end()) return std::nullopt;
    std::string decoded;
    {
      // Basic uses standard base64 with padding, not base64url.
      std::string text = call.basic_credentials;
      for (char& c : text) {
        if (c == '+') c = '-';
        else if (c == '/') c = '_';
      }
      while (!text.empty() && text.back() == '=') text.pop_back();
      const auto raw = crypto::base64url_decode(text);
      if (!raw) return std::nullopt;
      decoded = *raw;
    }
    const auto colon = decoded.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const auto id = form_decode(decoded.substr(0, colon));
    const auto secret = form_decode(decoded.substr(colon + 1));
    if (!id || !secret || id->empty()) return std::nullopt;
    // A client_id in the body too must name the same client.
    if (id_it != form.end() && id_it->second != *id) return std::nullopt;
    return ClientCredentials{*id, *secret, true};
  }
  if (id_it == form.end() || id_it->second.empty()) return std::nullopt;
  ClientCredentials out{id_it->second, std::nullopt, false};
  if (secret_it != form.end()) out.secret = secret_it->second;
  return out;
}

std::string issuer_of(const app::Services& services, const OidcCall& call) {
  if (!call.settings().issuer.empty()) return call.settings().issuer;
  if (!services.dev_mode || call.host.empty()) return {};
  for (char c : call.host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']') return {};
  return "http://" + call.host;
}

}  // namespace uia::flows::oidc
