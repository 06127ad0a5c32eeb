#include "crypto/pkce.h"

#include <openssl/sha.h>

#include "crypto/jose.h"

namespace uia::crypto {

std::string pkce_s256(std::string_view code_verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(code_verifier.data()), code_verifier.size(), digest);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace uia::crypto
