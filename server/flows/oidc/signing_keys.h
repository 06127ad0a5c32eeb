// The provider's signing keys: made by the server itself (never in the source tree), their
// private halves sealed with the field cipher in oidc_signing_keys, one current key per
// algorithm (ES256, RS256), replaced once older than the configured rotation age. The JWKS
// publishes each current key plus the keys they replaced while a token signed by one could
// still be valid (the ID token lifetime), so relying parties never miss a key.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "crypto/jose.h"
#include "flows/oidc/provider.h"

namespace uia::flows::oidc {

struct SigningKey {
  std::string kid;
  crypto::JwsAlg alg = crypto::JwsAlg::ES256;
  std::string private_pem;
  long long created_at = 0;
  std::optional<crypto::SigningPrivateKey> parsed;  // private_pem, read once
};

// The key to sign with now, made (or rotated) first when needed. Throws std::runtime_error if
// OpenSSL cannot make a key or a stored key does not open (wrong key file).
SigningKey current_signing_key(app::Services& services, const OidcSettings& settings, crypto::JwsAlg alg);
// {"keys": [...public JWKs...]}, current keys first.
nlohmann::json published_jwks(app::Services& services, const OidcSettings& settings);
// The payload of a JWS this provider signed with any key it still holds (e.g. an expired ID
// token sent back as id_token_hint); null json when it is not one of ours or was altered.
nlohmann::json verify_own_jws(app::Services& services, const std::string& compact);

}  // namespace uia::flows::oidc
