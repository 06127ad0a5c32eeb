// Group commit for the hottest writes (the OIDC token endpoint) on SQLite. SQLite has one
// writer at a time and each COMMIT appends every page it changed to the WAL: under load the
// token endpoint spent most of its time in BEGIN/COMMIT and in writing the same hot pages (the
// tables' last leaves) once per request. Here concurrent callers' transactions run one after
// the other inside ONE BEGIN IMMEDIATE ... COMMIT, each inside its own SAVEPOINT: a caller whose
// work throws has its changes rolled back to its savepoint (ROLLBACK TO) and gets its
// exception; the others are unaffected. No caller returns before the COMMIT that holds its
// changes succeeded (when it fails, every caller of the batch gets the error), so what a
// caller answers is as durable as with Database::transact.
//
// No thread of its own: the first caller to arrive leads (runs the batch on its thread, with
// one pooled connection); callers arriving meanwhile queue and form the next batch. Work runs
// on the leader's thread, so it must not rely on thread-local state. MySQL/MariaDB (row locks,
// its own group commit) simply use Database::transact.
#pragma once
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include <soci/session.h>

#include "store/database.h"

namespace uia::store {

class WriteBatcher {
 public:
  static constexpr std::size_t kMaxBatch = 32;

  // Like db.transact(work) (work(soci::session&) returns a value), committed in a batch.
  template <typename Work>
  auto transact(Database& db, Work&& work) {
    using Result = decltype(work(std::declval<soci::session&>()));
    static_assert(!std::is_void_v<Result>, "WriteBatcher::transact: the work returns its answer");
    if (db.backend() != Backend::Sqlite) return db.transact(std::forward<Work>(work));
    std::optional<Result> result;
    Item item;
    item.run = [&](soci::session& sql) { result.emplace(work(sql)); };
    submit(db, item);  // returns after the COMMIT, or throws this item's (or the batch's) error
    return std::move(*result);
  }

 private:
  struct Item {
    std::function<void(soci::session&)> run;
    std::exception_ptr error;
    bool done = false;
  };
  void submit(Database& db, Item& item);
  void lead(Database& db, const std::vector<Item*>& batch);

  std::mutex mutex_;
  std::condition_variable finished_;
  std::vector<Item*> queue_;
  bool leading_ = false;
};

}  // namespace uia::store
