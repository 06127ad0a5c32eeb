// SQLite WAL checkpoints, kept off the write path's critical section. SQLite's own
// auto-checkpoint runs inside the COMMIT that pushes the WAL past 1000 pages, fdatasync
// included, so every request waiting behind that writer (the token endpoint's batch, see
// store/write_batcher.h) waited for the disk too: p99 spikes of tens of ms and an idle CPU.
// Here each SQLite connection only notes the WAL's size after a commit; the committing thread
// checkpoints (PASSIVE: never waits for readers) after it released the write lock, or, inside
// a DeferCheckpoints scope, later when it calls checkpoint_if_due itself. Durability is
// unchanged: a commit is in the WAL before it returns either way.
#pragma once
#include <soci/session.h>

namespace uia::store {

constexpr int kCheckpointPages = 1000;  // SQLite's default auto-checkpoint size

// Replaces SQLite's auto-checkpoint on a connection (Database::open).
void watch_wal(soci::session& sql);
// After a COMMIT on this thread: a PASSIVE checkpoint when the WAL has passed kCheckpointPages,
// unless a DeferCheckpoints scope is open on this thread (it stays due).
void checkpoint_if_due(soci::session& sql);
bool checkpoint_due();

class DeferCheckpoints {
 public:
  DeferCheckpoints();
  ~DeferCheckpoints();
  DeferCheckpoints(const DeferCheckpoints&) = delete;
  DeferCheckpoints& operator=(const DeferCheckpoints&) = delete;
};

}  // namespace uia::store
