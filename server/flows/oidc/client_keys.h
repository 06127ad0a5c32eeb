// The public keys a private_key_jwt client registers (its JWK Set, given inline at
// POST /api/v1/admin/clients as "jwks"), checked once at registration and kept in a normal form,
// and the key that verifies one of its assertions.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace uia::flows::oidc {

constexpr std::size_t kMaxClientKeys = 5;
constexpr std::size_t kMaxKidLength = 64;

// {"keys": [...]} in normal form: only the public members (kty, crv, x, y / n, e), kid when
// given, "use": "sig" and "alg" (ES256 for EC P-256, RS256 for RSA; a given alg must match the
// key). nullopt when: not a JWK Set, no key or more than kMaxClientKeys, a key that is not an
// EC P-256 or an RSA ≥ 2048-bit public key, a private member, "use" other than "sig", a kid
// missing while there are several keys, or two keys with the same kid.
std::optional<nlohmann::json> normalized_client_jwks(const nlohmann::json& jwks);

// The key of the (normal-form) set that verifies a JWS with this header: the one named by
// "kid", or the only key when the header names none (or the only key has no kid). Null json
// when there is no such key.
nlohmann::json client_key_for(const nlohmann::json& jwks, const nlohmann::json& header);

}  // namespace uia::flows::oidc
