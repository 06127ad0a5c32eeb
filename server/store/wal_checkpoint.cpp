#include "store/wal_checkpoint.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace uia::store {
namespace {

thread_local int deferred = 0;   // open DeferCheckpoints scopes
thread_local bool due = false;   // a commit on this thread left the WAL past kCheckpointPages

int note_wal_size(void*, sqlite_api::sqlite3*, const char*, int pages) {
  if (pages >= kCheckpointPages) due = true;
  return 0;  // SQLITE_OK; no checkpoint here
}

}  // namespace

void watch_wal(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  sqlite_api::sqlite3_wal_hook(backend->conn_, note_wal_size, nullptr);
}

bool checkpoint_due() { return due; }

void checkpoint_if_due(soci::session& sql) {
  if (!due || deferred > 0) return;
  due = false;
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  // PASSIVE copies what no reader still needs and never blocks; a busy result just means the
  // next due commit tries again.
  sqlite_api::sqlite3_wal_checkpoint_v2(backend->conn_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

DeferCheckpoints::DeferCheckpoints() { ++deferred; }
DeferCheckpoints::~DeferCheckpoints() { --deferred; }

}  // namespace uia::store
