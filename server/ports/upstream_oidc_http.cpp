#include "ports/upstream_oidc_http.h"

#include <cctype>

#include "crypto/jose.h"
#include "api/percent_encode.h"
#include "ports/http_get_and_form.h"

namespace uia::ports {
namespace {

std::string base64(std::string_view bytes) {
  std::string out = crypto::base64url_encode(bytes);
  for (char& c : out) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (out.size() % 4) out += '=';
  return out;
}

HttpJsonClientOptions options_of(const UpstreamOidcHttpConfig& config) {
  HttpJsonClientOptions options;
  options.connect_timeout_ms = config.connect_timeout_ms;
  options.timeout_ms = config.timeout_ms;
  options.ca_file = config.ca_file;
  options.max_response_bytes = 256 * 1024;
  return options;
}

UpstreamReply reply_of(const HttpJsonResponse& response) {
  UpstreamReply out;
  if (!response.transport_ok) {
    out.outcome = UpstreamOutcome::Unavailable;
    out.timed_out = response.timed_out;
    out.detail = response.transport_error;
    return out;
  }
  out.json = response.json;
  if (response.status == 200 && response.json_ok && response.json.is_object()) {
    out.outcome = UpstreamOutcome::Ok;
  } else if (response.status >= 400 && response.status < 500) {
    out.outcome = UpstreamOutcome::Refused;
    out.detail = "HTTP " + std::to_string(response.status);
    if (response.json.is_object() && response.json.contains("error") && response.json["error"].is_string())
      out.detail += " " + response.json["error"].get<std::string>();
  } else {
    out.outcome = UpstreamOutcome::Unavailable;
    out.detail = "HTTP " + std::to_string(response.status) + (response.json_ok ? "" : " (not JSON)");
  }
  return out;
}

}  // namespace

UpstreamOidcHttp::UpstreamOidcHttp(UpstreamOidcHttpConfig config)
    : config_(std::move(config)), options_(options_of(config_)) {}

UpstreamReply UpstreamOidcHttp::exchange_code(const std::string& code, const std::string& code_verifier) const {
  const std::string body = "grant_type=authorization_code&code=" + percent_encode(code) +
                           "&redirect_uri=" + percent_encode(config_.redirect_uri) +
                           "&code_verifier=" + percent_encode(code_verifier);
  const std::string credentials = base64(percent_encode(config_.client_id) + ":" + percent_encode(config_.client_secret));
  return reply_of(http_post_form(options_, config_.token_endpoint, body, {{"Authorization", "Basic " + credentials}}));
}

UpstreamReply UpstreamOidcHttp::fetch_jwks() const { return reply_of(http_get(options_, config_.jwks_uri)); }

UpstreamReply UpstreamOidcHttp::userinfo(const std::string& access_token) const {
  if (config_.userinfo_endpoint.empty()) {
    UpstreamReply none;
    none.outcome = UpstreamOutcome::Refused;
    none.detail = "no userinfo_endpoint configured";
    return none;
  }
  return reply_of(http_get(options_, config_.userinfo_endpoint, {{"Authorization", "Bearer " + access_token}}));
}

}  // namespace uia::ports
