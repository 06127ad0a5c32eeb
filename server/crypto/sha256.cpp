#include "crypto/sha256.h"

#include <stdexcept>

#include <openssl/evp.h>

namespace uia::crypto {

const EVP_MD* sha256_md() {
  // Fetched once for the process and never freed: every thread may hold it at exit.
  static const EVP_MD* const md = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!fetched) throw std::runtime_error("OpenSSL has no SHA-256");
    return fetched;
  }();
  return md;
}

Sha256Digest sha256(std::string_view bytes) {
  Sha256Digest out{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), out.data(), &length, sha256_md(), nullptr) != 1 || length != out.size())
    throw std::runtime_error("SHA-256 failed");
  return out;
}

}  // namespace uia::crypto
