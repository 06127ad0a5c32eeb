#include "crypto/password_hasher.h"

#include <sodium.h>

#include <stdexcept>

namespace uia::crypto {

PasswordHasher::PasswordHasher(Argon2Params params) : params_(params) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params_.ops_limit, params_.mem_limit_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return {};
  }
  return out;
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
  // libsodium wants a NUL-terminated string; never trust the stored value's length.
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string stored(encoded);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
  const std::string stored(encoded);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), params_.ops_limit, params_.mem_limit_bytes) != 0;
}

}  // namespace uia::crypto
