// Password hashing with Argon2id (libsodium). The parameters default to OWASP's recommendation
// (19 MiB, 2 passes, 1 lane); the encoded hash carries them, so stronger settings later still
// verify old hashes, and needs_rehash tells when to upgrade at the next login.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace uia::crypto {

struct Argon2Params {
  unsigned long long ops_limit = 2;               // passes (t)
  std::size_t mem_limit_bytes = 19u * 1024 * 1024;  // memory (m)
};

class PasswordHasher {
 public:
  explicit PasswordHasher(Argon2Params params = {});
  // "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>"; empty string only if memory is exhausted.
  std::string hash(std::string_view password) const;
  bool verify(std::string_view encoded, std::string_view password) const;
  bool needs_rehash(std::string_view encoded) const;
  const Argon2Params& params() const { return params_; }

 private:
  Argon2Params params_;
};

}  // namespace uia::crypto
