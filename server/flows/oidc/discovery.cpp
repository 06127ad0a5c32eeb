#include "flows/oidc/discovery.h"

#include "flows/oidc/oauth_http.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/oidc/signing_keys.h"

namespace uia::flows::oidc {

http::ApiResponse discovery(app::Services& services, const OidcCall& call, const http::ApiRequest&) {
  const std::string issuer = issuer_of(services, call);
  if (issuer.empty()) return oauth_error(503, "temporarily_unavailable", "the provider's issuer is not configured");
  nlohmann::json acr_values = nlohmann::json::array();
  for (int level = 1; level <= kMaxLevel; ++level) acr_values.push_back(acr_for_level(level));
  nlohmann::json scopes = nlohmann::json::array();
  for (const auto& s : supported_scopes()) scopes.push_back(s);
  const nlohmann::json client_auth = {"client_secret_basic", "client_secret_post", "private_key_jwt"};
  const nlohmann::json client_auth_or_none = {"client_secret_basic", "client_secret_post", "private_key_jwt", "none"};
  // What a private_key_jwt client may sign its assertion with (never none or HS*).
  const nlohmann::json assertion_algs = {"ES256", "RS256"};
  nlohmann::json doc = {
      {"issuer", issuer},
      {"authorization_endpoint", issuer + "/oidc/authorize"},
      {"token_endpoint", issuer + "/oidc/token"},
      {"userinfo_endpoint", issuer + "/oidc/userinfo"},
      {"jwks_uri", issuer + "/oidc/jwks"},
      {"introspection_endpoint", issuer + "/oidc/introspect"},
      {"revocation_endpoint", issuer + "/oidc/revoke"},
      {"end_session_endpoint", issuer + "/oidc/logout"},
      {"backchannel_logout_supported", true},
      {"backchannel_logout_session_supported", true},
      {"scopes_supported", scopes},
      {"response_types_supported", {"code"}},
      {"response_modes_supported", {"query"}},
      {"grant_types_supported", {"authorization_code", "refresh_token"}},
      {"subject_types_supported", {"public", "pairwise"}},
      {"id_token_signing_alg_values_supported", {"ES256", "RS256"}},
      {"token_endpoint_auth_methods_supported", client_auth_or_none},
      {"token_endpoint_auth_signing_alg_values_supported", assertion_algs},
      {"introspection_endpoint_auth_methods_supported", client_auth},
      {"introspection_endpoint_auth_signing_alg_values_supported", assertion_algs},
      {"revocation_endpoint_auth_methods_supported", client_auth_or_none},
      {"revocation_endpoint_auth_signing_alg_values_supported", assertion_algs},
      {"code_challenge_methods_supported", {"S256"}},
      {"acr_values_supported", acr_values},
      {"claims_supported", {"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "azp", "sid", "uia_level",
                            "name", "phone_number", "phone_number_verified", "id_type", "id_number",
                            // agentclaims: enterprise_claims.h
                            "uia_enterprise", "uia_agent_scope", "uia_agent_valid_until"}},
      {"claims_parameter_supported", true},
      {"request_parameter_supported", false},
      {"request_uri_parameter_supported", false},
      {"prompt_values_supported", {"none", "login", "consent"}},
      {"authorization_response_iss_parameter_supported", true},
      {"ui_locales_supported", {"zh-CN"}},
  };
  return http::ApiResponse::json(200, doc);
}

http::ApiResponse jwks(app::Services& services, const OidcCall& call, const http::ApiRequest&) {
  http::ApiResponse out = http::ApiResponse::json(200, published_jwks(services, call.settings()));
  // Relying parties cache keys; a short max-age lets a rotated key reach them soon.
  out.headers.emplace_back("Cache-Control", "public, max-age=300");
  return out;
}

}  // namespace uia::flows::oidc
