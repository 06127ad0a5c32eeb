// SQLite WAL checkpoints, kept off the write path's critical section and bounded in size.
//
// SQLite's own auto-checkpoint runs inside the COMMIT that pushes the WAL past 1000 pages,
// fdatasync included, so every request waiting behind that writer (the token endpoint's batch,
// see store/write_batcher.h) waited for the disk too. Here each SQLite connection only notes the
// WAL's size after a commit; the committing thread checkpoints after it released the write
// lock, or, inside a DeferCheckpoints scope, later when it calls checkpoint_if_due itself.
//
// Two rules:
// - PASSIVE (never waits) once kCheckpointPages frames were committed since the last
//   checkpoint. Counting from the last checkpoint matters: under steady load some reader always
//   holds a snapshot inside the WAL, so SQLite never rewinds it, and a rule on the WAL's total
//   size then checkpointed after every commit (an fdatasync each) while the file grew without
//   end (2.9 GB in a 50 s token-endpoint bench).
// - RESTART once the WAL holds kRestartPages frames: after a PASSIVE pass has copied nearly
//   everything beside the writers, it takes the write lock, copies the rest and waits (at most
//   kRestartWait: readers are short, and new ones read the database file once everything is
//   copied) until no reader uses the WAL; the next writer then starts the file from its
//   beginning. The file keeps its size (at most about kRestartPages frames) for the next
//   round: trimming it (journal_size_limit) cost an ftruncate and new block allocations
//   each time, 2% of the token endpoint's time.
// Durability is unchanged: a commit is in the WAL before it returns either way.
#pragma once
#include <chrono>

#include <soci/session.h>

namespace uia::store {

constexpr int kCheckpointPages = 1000;  // SQLite's default auto-checkpoint size
constexpr int kRestartPages = 32000;    // 128 MiB of 4 KiB pages
constexpr auto kRestartWait = std::chrono::milliseconds(10);

// Replaces SQLite's auto-checkpoint on a connection (Database::open).
void watch_wal(soci::session& sql);
// After a COMMIT on this thread: a checkpoint when one is due (rules above), unless a
// DeferCheckpoints scope is open on this thread (it stays due).
void checkpoint_if_due(soci::session& sql);
bool checkpoint_due();
// True while this thread runs a RESTART checkpoint: it holds the write lock while it waits for
// readers, so the busy handler (Database::open) waits in short steps and gives up soon; SQLite
// then finishes it as a PASSIVE one and a later commit tries again.
bool restarting_wal();

class DeferCheckpoints {
 public:
  DeferCheckpoints();
  ~DeferCheckpoints();
  DeferCheckpoints(const DeferCheckpoints&) = delete;
  DeferCheckpoints& operator=(const DeferCheckpoints&) = delete;
};

}  // namespace uia::store
