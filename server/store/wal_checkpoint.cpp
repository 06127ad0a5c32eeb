#include "store/wal_checkpoint.h"

#include <atomic>

#include <soci/sqlite3/soci-sqlite3.h>

namespace uia::store {
namespace {

thread_local int deferred = 0;   // open DeferCheckpoints scopes
thread_local bool restarting = false;  // inside a RESTART checkpoint (restarting_wal)
thread_local int due_mode = -1;  // SQLITE_CHECKPOINT_* a commit on this thread made due, or -1

// Frames of the WAL the last checkpoint had copied into the database (one WAL per process:
// the platform opens one database file). A WAL rewound by a writer is shorter than this.
std::atomic<int> checkpointed{0};

int note_wal_size(void*, sqlite_api::sqlite3*, const char*, int pages) {
  const int copied = checkpointed.load(std::memory_order_relaxed);
  const int fresh = pages >= copied ? pages - copied : pages;
  if (pages >= kRestartPages) due_mode = SQLITE_CHECKPOINT_RESTART;
  else if (fresh >= kCheckpointPages && due_mode < 0) due_mode = SQLITE_CHECKPOINT_PASSIVE;
  return 0;  // SQLITE_OK; no checkpoint here
}

}  // namespace

void watch_wal(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  sqlite_api::sqlite3_wal_hook(backend->conn_, note_wal_size, nullptr);
}

bool checkpoint_due() { return due_mode >= 0; }
bool restarting_wal() { return restarting; }

void checkpoint_if_due(soci::session& sql) {
  if (due_mode < 0 || deferred > 0) return;
  const int mode = due_mode;
  due_mode = -1;
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  // PASSIVE copies what no reader still needs and never blocks; RESTART also waits (through the
  // connection's busy handler) for writers and for readers still inside the WAL. A busy result
  // just means a later commit tries again.
  int log = 0, copied = 0;
  // RESTART holds the write lock while it copies and syncs: a PASSIVE pass first does that work
  // beside the writers, leaving RESTART the few frames committed in between.
  if (mode == SQLITE_CHECKPOINT_RESTART)
    sqlite_api::sqlite3_wal_checkpoint_v2(backend->conn_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  restarting = mode == SQLITE_CHECKPOINT_RESTART;
  const int rc = sqlite_api::sqlite3_wal_checkpoint_v2(backend->conn_, nullptr, mode, &log, &copied);
  restarting = false;
  if (rc == SQLITE_OK && mode == SQLITE_CHECKPOINT_RESTART) copied = 0;  // the next writer rewinds the WAL
  if (copied >= 0) checkpointed.store(copied, std::memory_order_relaxed);
}

DeferCheckpoints::DeferCheckpoints() { ++deferred; }
DeferCheckpoints::~DeferCheckpoints() { --deferred; }

}  // namespace uia::store
