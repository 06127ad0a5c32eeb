#include "flows/oidc/signing_key_cache.h"

namespace uia::flows::oidc {

SigningKey SigningKeyCache::current(app::Services& services, const OidcSettings& settings, crypto::JwsAlg alg) {
  const long long now = services.now_seconds();
  {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(alg);
    if (it != entries_.end() && it->second.key.created_at > now - settings.key_rotation_seconds &&
        now >= it->second.read_at && now - it->second.read_at < kRecheckSeconds)
      return it->second.key;
  }
  // Outside the lock: reading (or rotating) touches the database.
  SigningKey key = current_signing_key(services, settings, alg);
  std::lock_guard lock(mutex_);
  entries_[alg] = Entry{key, now};
  return key;
}

}  // namespace uia::flows::oidc
