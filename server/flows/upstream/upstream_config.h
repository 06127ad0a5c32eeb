// Upstream identity providers: other OpenID Connect platforms a citizen may sign in with (seed
// 000 and 003: "国家政务服务平台" login), from the config file's "upstream" section:
//
//   "upstream": {"providers": [{
//       "name": "national", "display_name": "国家政务服务平台",
//       "issuer": "https://...", "authorization_endpoint": "https://.../authorize",
//       "token_endpoint": "https://.../token", "jwks_uri": "https://.../jwks",
//       "userinfo_endpoint": "https://.../userinfo",          (optional)
//       "client_id": "...", "client_secret": "...", "scope": "openid uia_id",
//       "redirect_uri": "https://uia.example.gov.cn/api/v1/upstream/national/callback",
//       "id_number_claim": "id_number",                        (optional, this default)
//       "timeout_ms": 5000, "connect_timeout_ms": 2000, "ca_file": "...",        (optional)
//       "authorization_response_iss_parameter_supported": true}]}              (optional, false)
//
// Every key is checked at start-up, with a message naming it ("upstream.providers[0].issuer").
// Production holds every URL to the ports' rule (https://, plain http only to loopback), since
// the ID number comes back over these calls.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace uia::flows::upstream {

struct UpstreamProvider {
  std::string name;          // [a-z0-9_-]{1,32}: the path segment of its routes, and the audit method
  std::string display_name;  // what the login page's button says
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::string userinfo_endpoint;  // "" = the ID number must be in the ID token
  std::string client_id;
  std::string client_secret;
  std::string scope = "openid";
  std::string redirect_uri;
  std::string id_number_claim = "id_number";
  long timeout_ms = 5000;
  long connect_timeout_ms = 2000;
  std::string ca_file;
  // The provider's discovery document says so (RFC 9207): its redirect back must carry `iss`,
  // equal to `issuer` (a mix-up defence). An `iss` that is present is checked either way.
  bool iss_parameter_supported = false;
};

// Throws std::runtime_error naming the bad key. Null or absent section: no providers.
std::vector<UpstreamProvider> parse_upstream_config(const nlohmann::json& section, bool dev_mode);

}  // namespace uia::flows::upstream
