#include "store/statement_cache.h"

#include <mutex>
#include <shared_mutex>

#include <soci/sqlite3/soci-sqlite3.h>

namespace uia::store {
namespace {

// Pooled connections by their backend (what a session leased from the pool shares with the
// pooled session itself). Written when a Database opens or closes, read on every use.
struct Registry {
  std::shared_mutex mutex;
  std::unordered_map<const void*, std::unique_ptr<StatementCache>> caches;
};
Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

StatementCache* statement_cache_of(soci::session& sql) {
  const void* backend = sql.get_backend();
  if (!backend) return nullptr;
  auto& r = registry();
  std::shared_lock lock(r.mutex);
  const auto it = r.caches.find(backend);
  return it == r.caches.end() ? nullptr : it->second.get();
}

void register_connection(soci::session& pooled) {
  const void* backend = pooled.get_backend();
  if (!backend) return;
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  r.caches[backend] = std::make_unique<StatementCache>(pooled);
}

void unregister_connection(soci::session& pooled) {
  const void* backend = pooled.get_backend();
  if (!backend) return;
  std::unique_ptr<StatementCache> dropped;
  auto& r = registry();
  {
    std::unique_lock lock(r.mutex);
    const auto it = r.caches.find(backend);
    if (it == r.caches.end()) return;
    dropped = std::move(it->second);
    r.caches.erase(it);
  }
  // `dropped` finalizes its statements here, while the connection is still open.
}

RunResult run(soci::session& sql, soci::statement& st) {
  RunResult out;
  out.got_data = st.execute(true);
  out.affected_rows = st.get_affected_rows();
  if (sql.get_backend_name() == "sqlite3") {
    // The backend's type is not exported from libsoci_sqlite3 (no dynamic_cast); the session
    // says which it is.
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
    if (backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
  }
  return out;
}

}  // namespace uia::store
