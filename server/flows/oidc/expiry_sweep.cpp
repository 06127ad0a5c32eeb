#include "flows/oidc/expiry_sweep.h"

#include <string>
#include <vector>

#include <soci/soci.h>

namespace uia::flows::oidc {
namespace {

// Keys first, then deletes one by one: MariaDB takes no LIMIT in an IN (subquery).
int sweep(soci::session& sql, const char* table, const char* key, long long cutoff) {
  std::vector<std::string> keys(kSweepBatch);
  sql << "SELECT " << key << " FROM " << table << " WHERE expires_at < :cutoff ORDER BY expires_at LIMIT " << kSweepBatch,
      soci::into(keys), soci::use(cutoff);
  for (const std::string& k : keys) sql << "DELETE FROM " << table << " WHERE " << key << " = :k", soci::use(k);
  return static_cast<int>(keys.size());
}

}  // namespace

int sweep_expired_requests(soci::session& sql, long long now) { return sweep(sql, "oidc_auth_requests", "id", now); }

int sweep_expired_codes(soci::session& sql, long long now) {
  return sweep(sql, "oidc_codes", "code_hash", now - kCodeRetentionSeconds);
}

int sweep_expired_assertions(soci::session& sql, long long now) {
  return sweep(sql, "oidc_client_assertions", "jti_hash", now);
}

}  // namespace uia::flows::oidc
