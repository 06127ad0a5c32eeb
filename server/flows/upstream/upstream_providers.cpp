#include "flows/upstream/upstream_providers.h"

#include "ports/upstream_oidc_http.h"

namespace uia::flows::upstream {

UpstreamKeys::Lookup UpstreamKeys::key_for(const std::string& kid, const ports::UpstreamOidc& port, long long now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Lookup out;
  if (const auto it = keys_.find(kid); it != keys_.end()) {
    out.jwk = it->second;
    return out;
  }
  if (fetched_at_ && now - *fetched_at_ < refetch_seconds_) return out;  // known keys were fetched just now
  const ports::UpstreamReply reply = port.fetch_jwks();
  if (reply.outcome != ports::UpstreamOutcome::Ok || !reply.json.contains("keys") || !reply.json["keys"].is_array()) {
    out.unavailable = true;
    return out;
  }
  fetched_at_ = now;
  keys_.clear();
  for (const auto& key : reply.json["keys"])
    if (key.is_object() && key.contains("kid") && key["kid"].is_string()) keys_[key["kid"].get<std::string>()] = key;
  if (const auto it = keys_.find(kid); it != keys_.end()) out.jwk = it->second;
  return out;
}

std::shared_ptr<UpstreamProviders> UpstreamProviders::from_config(const nlohmann::json& section, bool dev_mode) {
  auto out = std::make_shared<UpstreamProviders>();
  for (auto& config : parse_upstream_config(section, dev_mode)) {
    auto runtime = std::make_shared<UpstreamRuntime>();
    ports::UpstreamOidcHttpConfig http;
    http.token_endpoint = config.token_endpoint;
    http.jwks_uri = config.jwks_uri;
    http.userinfo_endpoint = config.userinfo_endpoint;
    http.client_id = config.client_id;
    http.client_secret = config.client_secret;
    http.redirect_uri = config.redirect_uri;
    http.timeout_ms = config.timeout_ms;
    http.connect_timeout_ms = config.connect_timeout_ms;
    http.ca_file = config.ca_file;
    runtime->port = std::make_shared<ports::UpstreamOidcHttp>(http);
    runtime->keys = std::make_shared<UpstreamKeys>();
    runtime->config = std::move(config);
    out->providers_.push_back(std::move(runtime));
  }
  return out;
}

const UpstreamRuntime* UpstreamProviders::find(const std::string& name) const {
  for (const auto& p : providers_)
    if (p->config.name == name) return p.get();
  return nullptr;
}

}  // namespace uia::flows::upstream
