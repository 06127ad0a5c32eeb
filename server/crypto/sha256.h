// SHA-256 on a digest fetched from OpenSSL's provider once. OpenSSL 3.0's one-shot SHA256()
// looks the algorithm up on every call, under a lock all worker threads share: on the token
// endpoint that cost more than the hashing.
#pragma once
#include <array>
#include <string_view>

#include <openssl/types.h>

namespace uia::crypto {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(std::string_view bytes);
// The fetched SHA-256 (for OpenSSL calls that take an EVP_MD).
const EVP_MD* sha256_md();

}  // namespace uia::crypto
