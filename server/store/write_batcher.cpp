#include "store/write_batcher.h"

#include <algorithm>

#include <soci/soci.h>

#include "store/statement_cache.h"
#include "store/wal_checkpoint.h"

namespace uia::store {
namespace {

// Savepoint statements, prepared once per connection like the work's own.
struct Savepoint {
  soci::statement st;
  explicit Savepoint(soci::session& sql) : st((sql.prepare << "SAVEPOINT uia_batch_item")) {}
};
struct ReleaseSavepoint {
  soci::statement st;
  explicit ReleaseSavepoint(soci::session& sql) : st((sql.prepare << "RELEASE uia_batch_item")) {}
};
struct RollbackToSavepoint {
  soci::statement st;
  explicit RollbackToSavepoint(soci::session& sql) : st((sql.prepare << "ROLLBACK TO uia_batch_item")) {}
};

}  // namespace

void WriteBatcher::submit(Database& db, Item& item) {
  std::unique_lock lock(mutex_);
  queue_.push_back(&item);
  while (!item.done) {
    if (leading_) {
      finished_.wait(lock);
      continue;
    }
    // Lead one batch: the oldest queued items (this caller's among them, unless more than
    // kMaxBatch queued before it: then it loops and leads or follows again).
    leading_ = true;
    const auto take = static_cast<std::ptrdiff_t>(std::min(queue_.size(), kMaxBatch));
    const std::vector<Item*> batch(queue_.begin(), queue_.begin() + take);
    queue_.erase(queue_.begin(), queue_.begin() + take);
    lock.unlock();
    {
      // A checkpoint due after this batch's COMMIT waits until its callers are answered.
      DeferCheckpoints defer;
      lead(db, batch);
    }
    lock.lock();
    for (Item* it : batch) it->done = true;
    leading_ = false;
    finished_.notify_all();  // the batch's callers, and whoever leads next
    if (checkpoint_due()) {
      lock.unlock();
      db.with_session([](soci::session& sql) { checkpoint_if_due(sql); });
      lock.lock();
    }
  }
  if (item.error) std::rethrow_exception(item.error);
}

void WriteBatcher::lead(Database& db, const std::vector<Item*>& batch) {
  try {
    db.transact([&](soci::session& sql) {
      if (batch.size() == 1) {
        batch.front()->run(sql);  // alone: a throw rolls the whole transaction back
        return;
      }
      for (Item* it : batch) {
        run_prepared<Savepoint>(sql);
        try {
          it->run(sql);
        } catch (...) {
          it->error = std::current_exception();
          run_prepared<RollbackToSavepoint>(sql);
        }
        run_prepared<ReleaseSavepoint>(sql);
      }
    });
  } catch (...) {
    // Not committed: nobody's changes are in.
    for (Item* it : batch)
      if (!it->error) it->error = std::current_exception();
  }
}

}  // namespace uia::store
