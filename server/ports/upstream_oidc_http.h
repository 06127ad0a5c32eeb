// The real adapter of UpstreamOidc: OAuth 2.0 / OpenID Connect over HTTP(S) with the shared
// never-throw client (timeouts, TLS verification always on, no redirects, no env proxies).
#pragma once
#include <string>

#include "ports/http_json_client.h"
#include "ports/upstream_oidc.h"

namespace uia::ports {

struct UpstreamOidcHttpConfig {
  std::string token_endpoint;
  std::string jwks_uri;
  std::string userinfo_endpoint;  // "" when the provider has none
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;
  long timeout_ms = 5000;
  long connect_timeout_ms = 2000;
  std::string ca_file;
};

class UpstreamOidcHttp : public UpstreamOidc {
 public:
  explicit UpstreamOidcHttp(UpstreamOidcHttpConfig config);
  UpstreamReply exchange_code(const std::string& code, const std::string& code_verifier) const override;
  UpstreamReply fetch_jwks() const override;
  UpstreamReply userinfo(const std::string& access_token) const override;

 private:
  UpstreamOidcHttpConfig config_;
  HttpJsonClientOptions options_;  // base URL empty: every call names its full endpoint
};

}  // namespace uia::ports
