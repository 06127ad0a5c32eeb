// The signing key per algorithm, kept between requests: the token endpoint otherwise read the
// keys table, opened the sealed private key and parsed its PEM on every request, which cost
// more than signing. An entry is used while its key is not yet due for rotation and it was
// read from the database less than a minute ago (so a key rotated by another instance is
// picked up within a minute; JWKS keeps publishing the key it replaced for longer than that).
#pragma once
#include <map>
#include <mutex>

#include "flows/oidc/signing_keys.h"

namespace uia::flows::oidc {

class SigningKeyCache {
 public:
  static constexpr long long kRecheckSeconds = 60;

  // The key to sign with now; current_signing_key() when the entry is missing, old or due.
  SigningKey current(app::Services& services, const OidcSettings& settings, crypto::JwsAlg alg);

 private:
  struct Entry {
    SigningKey key;
    long long read_at = 0;
  };
  std::mutex mutex_;
  std::map<crypto::JwsAlg, Entry> entries_;
};

}  // namespace uia::flows::oidc
