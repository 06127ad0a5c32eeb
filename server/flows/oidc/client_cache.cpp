#include "flows/oidc/client_cache.h"

namespace uia::flows::oidc {

std::optional<store::OidcClient> ClientCache::find(app::Services& services, const std::string& client_id) {
  const long long now = services.now_seconds();
  {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(client_id);
    if (it != entries_.end() && now - it->second.read_at < kRecheckSeconds && now >= it->second.read_at)
      return it->second.client;
  }
  const store::OidcClientRepository clients;
  auto client = services.db->with_session([&](soci::session& sql) { return clients.find(sql, client_id); });
  std::lock_guard lock(mutex_);
  if (client)
    entries_.insert_or_assign(client_id, Entry{*client, now});
  else
    entries_.erase(client_id);
  return client;
}

}  // namespace uia::flows::oidc
