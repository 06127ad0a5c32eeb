// Authenticated encryption of personal data fields (ID numbers, phones) at rest. Each value is
// bound to its column by associated data ("person.phone"), so a ciphertext copied into another
// column or row kind does not decrypt. Output is printable: "<suite tag>.<base64>".
//   a1: AES-256-GCM, 12-byte random nonce, 16-byte tag
//   s1: SM4-CTR with a 16-byte random IV, then HMAC-SM3 over tag, AAD, IV and ciphertext
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/keys.h"

namespace uia::crypto {

class FieldCipher {
 public:
  explicit FieldCipher(const KeySet& keys) : keys_(keys) {}
  std::string seal(std::string_view plaintext, std::string_view associated) const;
  // nullopt when the value was tampered with, sealed for another column, or under another key.
  std::optional<std::string> open(std::string_view sealed, std::string_view associated) const;

 private:
  KeySet keys_;
};

// Keyed hash for equality lookups of encrypted values: HMAC-SHA-256 (or HMAC-SM3 in the 国密
// suite) of "<domain>\0<value>", hex. Without the key, the index reveals nothing searchable.
class BlindIndex {
 public:
  explicit BlindIndex(const KeySet& keys);
  std::string operator()(std::string_view domain, std::string_view value) const;

 private:
  // HMAC's inner and outer hash states with the padded key absorbed, made once: each MAC copies
  // them. Keying HMAC per call cost five times as much, and looked the digest up in OpenSSL's
  // provider tables under a lock that every worker thread queued for.
  struct KeyedHash;
  std::shared_ptr<const KeyedHash> keyed_;
};

}  // namespace uia::crypto
