#include "crypto/tokens.h"

#include <sodium.h>

#include <vector>

#include "crypto/sha256.h"

namespace uia::crypto {

std::string random_token(ports::Random& random, std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  random.fill(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);
  return out;
}

std::string random_digits(ports::Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + random.uniform(10)));
  return out;
}

std::string token_hash(std::string_view token) {
  const Sha256Digest digest = sha256(token);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

}  // namespace uia::crypto
