// Business systems registered with the OpenID Connect provider (back-office registers them).
// Redirect URIs and scopes are stored as JSON arrays / a space-separated list; the secret only
// as the SHA-256 of a 256-bit random value (high entropy, so no slow hash is needed).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

namespace uia::store {

// created_by of the clients the configuration file lists (oidc.clients).
inline constexpr const char* kConfigClientCreator = "config";

struct OidcClient {
  long long id = 0;
  std::string client_id;
  std::string name;
  std::optional<std::string> secret_hash;  // none for public clients
  std::string client_type = "confidential";  // confidential | public
  std::vector<std::string> redirect_uris;
  std::vector<std::string> post_logout_redirect_uris;
  std::string scopes = "openid profile phone";
  std::string subject_type = "public";  // public | pairwise
  std::string id_token_alg = "ES256";    // ES256 | RS256
  std::optional<std::string> backchannel_logout_uri;
  int min_level = 1;
  bool enabled = true;
  std::string created_by;
  long long created_at = 0;
  std::optional<long long> disabled_at;
  // How it proves itself at the token, introspection and revocation endpoints:
  // client_secret_basic | client_secret_post (either secret method is accepted) |
  // private_key_jwt (a JWT signed with one of `jwks`) | none (public clients).
  std::string token_endpoint_auth_method = "client_secret_basic";
  std::optional<std::string> jwks;  // private_key_jwt only: {"keys": [public JWKs]} as JSON text

  bool is_public() const { return client_type == "public"; }
  bool uses_private_key_jwt() const { return token_endpoint_auth_method == "private_key_jwt"; }
  bool has_redirect_uri(const std::string& uri) const;  // exact string match
};

class OidcClientRepository {
 public:
  long long insert(soci::session& sql, const OidcClient& client) const;
  std::optional<OidcClient> find(soci::session& sql, const std::string& client_id) const;
  std::vector<OidcClient> list(soci::session& sql) const;
  // Rewrites what describes the client (everything but its id, creator, creation time and
  // enabled state), found by client_id.
  void update(soci::session& sql, const OidcClient& client) const;
  // false when no such client or it was already disabled.
  bool disable(soci::session& sql, const std::string& client_id, long long now) const;
};

}  // namespace uia::store
