// The token endpoint's storage helpers: statements cached per pooled connection
// (store/statement_cache.h) and group commit on SQLite (store/write_batcher.h).
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/statement_cache.h"
#include "store/wal_checkpoint.h"
#include "store/write_batcher.h"

namespace uia::store {
namespace {
namespace fs = std::filesystem;

class ScratchDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = fs::temp_directory_path() / ("uia-batch-" + std::to_string(::getpid()) + ".db");
    TearDown();
    db_ = Database::open("sqlite:" + file_.string(), 8);
    db_->with_session([](soci::session& sql) { sql << "CREATE TABLE probe (id INTEGER PRIMARY KEY, v VARCHAR(16) NOT NULL)"; });
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file_.string() + suffix);
  }
  long long count_rows() {
    long long n = 0;
    db_->with_session([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM probe", soci::into(n); });
    return n;
  }
  fs::path file_;
  std::unique_ptr<Database> db_;
};

struct SelectProbe {
  long long id = 0;
  std::string v;
  soci::statement st;
  explicit SelectProbe(soci::session& sql) : st((sql.prepare << "SELECT v FROM probe WHERE id = :id", soci::into(v), soci::use(id))) {}
};

TEST_F(ScratchDatabase, CachedStatementRebindsItsValuesAndLeavesNoStaleSnapshotBehind) {
  db_->with_session([](soci::session& sql) { sql << "INSERT INTO probe (id, v) VALUES (1, 'a'), (2, 'b')"; });
  db_->with_session([&](soci::session& sql) {
    ASSERT_NE(statement_cache_of(sql), nullptr);
    Prepared<SelectProbe> select(sql);
    select->id = 1;
    ASSERT_TRUE(run(sql, select->st).got_data);
    EXPECT_EQ(select->v, "a");
    select->id = 2;
    ASSERT_TRUE(run(sql, select->st).got_data);
    EXPECT_EQ(select->v, "b");
    select->id = 3;
    EXPECT_FALSE(run(sql, select->st).got_data);
    // The same object next time on this connection: prepared once.
    EXPECT_EQ(&*Prepared<SelectProbe>(sql), &*select);

    // Another connection changes row 1 while this one holds its lease: a cached SELECT left on
    // its row would have kept this connection's read snapshot from before the change.
    select->id = 1;
    ASSERT_TRUE(run(sql, select->st).got_data);
    db_->with_session([](soci::session& other) { other << "UPDATE probe SET v = 'changed' WHERE id = 1"; });
    std::string seen;
    sql << "SELECT v FROM probe WHERE id = 1", soci::into(seen);
    EXPECT_EQ(seen, "changed");
  });
}

TEST_F(ScratchDatabase, BatchedCallersEachGetTheirAnswerAndAThrowUndoesOnlyItsOwnWork) {
  WriteBatcher batcher;
  constexpr int kCallers = 16;
  constexpr int kThrower = 5;
  std::vector<int> answers(kCallers, -1);
  std::atomic<int> refused{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i)
    callers.emplace_back([&, i] {
      try {
        answers[i] = batcher.transact(*db_, [&](soci::session& sql) {
          const std::string v = "v" + std::to_string(i);
          sql << "INSERT INTO probe (id, v) VALUES (:id, :v)", soci::use(i), soci::use(v);
          // Slow enough that the other callers queue behind the leader and share a COMMIT.
          std::this_thread::sleep_for(std::chrono::milliseconds(3));
          if (i == kThrower) throw std::runtime_error("refused");
          return i * 10;
        });
      } catch (const std::runtime_error& e) {
        if (std::string(e.what()) == "refused") ++refused;
      }
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(refused.load(), 1);
  for (int i = 0; i < kCallers; ++i) EXPECT_EQ(answers[i], i == kThrower ? -1 : i * 10) << i;
  EXPECT_EQ(count_rows(), kCallers - 1);
  long long thrower_rows = -1;
  db_->with_session([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM probe WHERE id = :id", soci::into(thrower_rows), soci::use(kThrower); });
  EXPECT_EQ(thrower_rows, 0);
}

// Under steady load some reader always holds a snapshot inside the WAL, so SQLite never rewinds
// it by itself: before store/wal_checkpoint.h bounded it, the token-endpoint bench grew the WAL
// to 2.9 GB. Here readers never pause while the writer commits twice kRestartPages pages.
TEST_F(ScratchDatabase, WalStaysBoundedWhileReadersNeverPause) {
  db_->with_session([](soci::session& sql) { sql << "CREATE TABLE pages (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"; });
  const fs::path wal = file_.string() + "-wal";
  std::atomic<bool> writing{true};
  std::vector<std::thread> readers;
  // Overlapping read transactions of about a millisecond each: at every moment one of them
  // holds a snapshot inside the WAL, as the platform's request threads do under load.
  for (int r = 0; r < 4; ++r)
    readers.emplace_back([&, r] {
      std::this_thread::sleep_for(std::chrono::microseconds(250 * r));
      while (writing) db_->with_session([](soci::session& sql) {
        long long last = 0;
        sql << "BEGIN";
        sql << "SELECT COALESCE(MAX(id), 0) FROM pages", soci::into(last);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        sql << "COMMIT";
      });
    });
  std::uintmax_t largest = 0;
  const std::string body(3000, 'x');  // one page of its own per row
  const int rows = 2 * kRestartPages + 2000;
  for (int written = 0; written < rows; written += 200) {
    db_->transact([&](soci::session& sql) {
      for (int i = 0; i < 200; ++i) sql << "INSERT INTO pages (body) VALUES (:b)", soci::use(body);
    });
    std::error_code ec;
    largest = std::max(largest, fs::file_size(wal, ec));
  }
  writing = false;
  for (auto& t : readers) t.join();
  // Frames are a 24-byte header plus a 4 KiB page; a batch of writes may overshoot the limit.
  const std::uintmax_t bound = (kRestartPages + 2000) * std::uintmax_t{4096 + 24};
  EXPECT_LT(largest, bound) << "the WAL grew past its restart size";
  EXPECT_GT(fs::file_size(file_), std::uintmax_t{rows} * 2048) << "checkpoints copied the rows into the database file";
}

}  // namespace
}  // namespace uia::store
