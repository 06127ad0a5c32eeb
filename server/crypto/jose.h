// JOSE on OpenSSL 3 EVP: base64url (RFC 4648 §5), JWS compact serialisation (RFC 7515) with
// ES256 (P-256, the signature as raw R||S per RFC 7518 §3.4, never DER) and RS256
// (RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit keys), and public keys as JWKs (RFC 7517) for the
// OIDC provider's JWKS. Private keys travel as PKCS#8 PEM text: the caller seals that text with
// the field cipher before it reaches the database.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace uia::crypto {

std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);  // nullopt on bad input or padding

enum class JwsAlg { ES256, RS256 };
std::string_view jws_alg_name(JwsAlg alg);
std::optional<JwsAlg> jws_alg_from_name(std::string_view name);

// A fresh private key for `alg` as PKCS#8 PEM ("" only if OpenSSL fails).
std::string generate_signing_key_pem(JwsAlg alg);
// The public half of a PEM private key as a JWK {"kty","crv","x","y"} or {"kty","n","e"} plus
// "kid", "alg" and "use": "sig". Null json when the PEM does not hold a key of `alg`.
nlohmann::json public_jwk(std::string_view private_pem, JwsAlg alg, std::string_view kid);

// "<header>.<payload>.<signature>" with header {"alg","typ":"JWT","kid"}; "" on failure.
std::string jws_sign(std::string_view private_pem, JwsAlg alg, std::string_view kid, const nlohmann::json& payload);

// A private key read from its PEM once, to sign many tokens: reading a PEM through OpenSSL 3's
// decoders costs more than the ES256 signature itself. Shareable between threads (signing only
// reads the key).
class SigningPrivateKey {
 public:
  // nullopt when the PEM does not hold a key of `alg`.
  static std::optional<SigningPrivateKey> from_pem(std::string_view private_pem, JwsAlg alg);
  JwsAlg alg() const { return alg_; }
  // Signing contexts kept for reuse (about one per worker thread signing at once).
  static constexpr std::size_t kKeptContexts = 16;

 private:
  friend std::string jws_sign(const SigningPrivateKey&, std::string_view, const nlohmann::json&);
  struct Signers;
  std::shared_ptr<evp_pkey_st> key_;
  JwsAlg alg_ = JwsAlg::ES256;
  std::shared_ptr<Signers> signers_;  // shared by the copies, like the key
};
std::string jws_sign(const SigningPrivateKey& key, std::string_view kid, const nlohmann::json& payload);

struct VerifiedJws {
  nlohmann::json header;
  nlohmann::json payload;
};
// Checks the signature against a public JWK (its "alg" must match the header's; "none" and
// every other algorithm are refused). nullopt when malformed, tampered or signed by another key.
std::optional<VerifiedJws> jws_verify(std::string_view compact, const nlohmann::json& jwk);
// The header of a compact JWS, unverified (to pick the key by "kid"); null json when malformed.
nlohmann::json jws_peek_header(std::string_view compact);
// The payload of a compact JWS, unverified (to find whose keys to verify it with, e.g. a client
// assertion's "iss"); null json when malformed. Never trust what it says before jws_verify.
nlohmann::json jws_peek_payload(std::string_view compact);

// A public key someone else registers (a client's JWK for private_key_jwt): usable with `alg`
// (ES256: an EC P-256 point on the curve; RS256: RSA of at least 2048 bits) and free of any
// private member ("d", "p", "q", ...), so a private key sent by mistake is refused, not stored.
bool public_jwk_fits(const nlohmann::json& jwk, JwsAlg alg);

}  // namespace uia::crypto
