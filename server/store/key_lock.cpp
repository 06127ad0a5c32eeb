#include "store/key_lock.h"

#include <soci/soci.h>

namespace uia::store {

void lock_key(soci::session& sql, Backend backend, const std::string& key, long long now) {
  if (backend == Backend::Sqlite) {
    // BEGIN IMMEDIATE took the database's write lock; recording the use keeps the row fresh
    // for the purge of old keys.
    sql << "INSERT OR REPLACE INTO key_locks (lock_key, touched_at) VALUES (:k, :t)", soci::use(key), soci::use(now);
    return;
  }
  // The upsert itself takes the row's exclusive lock (inserting or updating), and a concurrent
  // transaction on the same key waits on it until this one commits; there is no read-then-lock
  // gap in which two could both pass.
  sql << "INSERT INTO key_locks (lock_key, touched_at) VALUES (:k, :t) "
         "ON DUPLICATE KEY UPDATE touched_at = VALUES(touched_at)",
      soci::use(key), soci::use(now);
}

}  // namespace uia::store
