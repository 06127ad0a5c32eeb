#include "crypto/pkce.h"

#include "crypto/jose.h"
#include "crypto/sha256.h"

namespace uia::crypto {

std::string pkce_s256(std::string_view code_verifier) {
  const Sha256Digest digest = sha256(code_verifier);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

}  // namespace uia::crypto
