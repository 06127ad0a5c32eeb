#include "store/database.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <stdexcept>

#include "store/migrations.h"
#include "store/statement_cache.h"
#include "store/wal_checkpoint.h"

namespace uia::store {
namespace {

// SQLite has one writer at a time, and its default busy handler (the connection's timeout)
// sleeps 1, 2, 5, 10, 15... ms between tries. Under load the write lock then sat free while
// every waiting writer slept: the token endpoint's p50 was 15 ms and its p99 400 ms for
// transactions of well under a millisecond. This handler waits instead until a writer of this
// process commits or rolls back (Database::commit/rollback signal it), and looks again every
// 2 ms for writers in other processes, which send no signal; it gives up after the same
// 10 seconds as the timeout it replaces.
constexpr auto kBusyTimeout = std::chrono::seconds(10);
constexpr auto kRecheck = std::chrono::milliseconds(2);

struct WriterReleases {
  std::mutex mutex;
  std::condition_variable released;
  unsigned long long count = 0;
};
WriterReleases& writer_releases() {
  static WriterReleases releases;
  return releases;
}

void signal_writer_release() {
  auto& releases = writer_releases();
  {
    std::lock_guard lock(releases.mutex);
    ++releases.count;
  }
  releases.released.notify_all();
}

thread_local std::chrono::steady_clock::time_point busy_since;

int wait_for_writer(void*, int attempts) {
  const auto now = std::chrono::steady_clock::now();
  if (attempts == 0) busy_since = now;
  if (restarting_wal()) {
    // Everyone waits while a RESTART checkpoint waits (store/wal_checkpoint.h): short steps.
    if (now - busy_since >= kRestartWait) return 0;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    return 1;
  }
  if (now - busy_since >= kBusyTimeout) return 0;  // SQLITE_BUSY to the caller
  auto& releases = writer_releases();
  std::unique_lock lock(releases.mutex);
  const unsigned long long seen = releases.count;
  releases.released.wait_for(lock, kRecheck, [&] { return releases.count != seen; });
  return 1;  // try again
}

// The transaction statements every SQLite write runs, prepared once per pooled connection.
struct BeginImmediate {
  soci::statement st;
  explicit BeginImmediate(soci::session& sql) : st((sql.prepare << "BEGIN IMMEDIATE")) {}
};
struct Commit {
  soci::statement st;
  explicit Commit(soci::session& sql) : st((sql.prepare << "COMMIT")) {}
};

}  // namespace

bool parse_database_url(const std::string& url, DatabaseUrl& out, std::string& error) {
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7);
    if (path.empty()) {
      error = "sqlite: needs a file path, e.g. sqlite:uia.db";
      return false;
    }
    out.backend = Backend::Sqlite;
    // Quoting keeps paths with spaces intact; timeout waits out a writer instead of failing.
    out.connect = "db=\"" + path + "\" timeout=10 synchronous=normal";  // the timeout until open() sets wait_for_writer
    out.display = "sqlite:" + path;
    return true;
  }
  if (url.rfind("mysql://", 0) == 0) {
    // mysql://user:pass@host:port/db
    std::string rest = url.substr(8);
    const auto at = rest.rfind('@');
    const auto slash = rest.find('/', at == std::string::npos ? 0 : at);
    if (at == std::string::npos || slash == std::string::npos || slash + 1 >= rest.size()) {
      error = "expected mysql://user:pass@host:port/dbname";
      return false;
    }
    const std::string credentials = rest.substr(0, at);
    const std::string host_port = rest.substr(at + 1, slash - at - 1);
    const std::string db = rest.substr(slash + 1);
    const auto colon = credentials.find(':');
    const std::string user = credentials.substr(0, colon);
    const std::string pass = colon == std::string::npos ? "" : credentials.substr(colon + 1);
    const auto port_colon = host_port.rfind(':');
    const std::string host = host_port.substr(0, port_colon);
    const std::string port = port_colon == std::string::npos ? "3306" : host_port.substr(port_colon + 1);
    out.backend = Backend::Mysql;
    out.connect = "host=" + host + " port=" + port + " user=" + user + " db=" + db + " charset=utf8mb4";
    if (!pass.empty()) out.connect += " password=" + pass;
    out.display = "mysql://" + user + "@" + host + ":" + port + "/" + db;
    return true;
  }
  error = "the database URL must be sqlite:FILE or mysql://user:pass@host:port/dbname";
  return false;
}

Database::Database(DatabaseUrl url, std::size_t pool_size)
    : url_(std::move(url)), pool_size_(pool_size), pool_(std::make_unique<soci::connection_pool>(pool_size)) {}

Database::~Database() {
  // The pooled connections' cached statements go before the connections close.
  for (std::size_t i = 0; i < pool_size_; ++i) unregister_connection(pool_->at(i));
}

void Database::begin(soci::session& sql) const {
  if (url_.backend == Backend::Sqlite) {
    run_prepared<BeginImmediate>(sql);
  } else {
    sql.begin();
  }
}

void Database::commit(soci::session& sql) const {
  if (url_.backend == Backend::Sqlite) {
    run_prepared<Commit>(sql);
    signal_writer_release();
    checkpoint_if_due(sql);  // after the write lock is free (store/wal_checkpoint.h)
  } else {
    sql.commit();
  }
}

void Database::rollback(soci::session& sql) const noexcept {
  try {
    if (url_.backend == Backend::Sqlite) {
      sql << "ROLLBACK";
    } else {
      sql.rollback();
    }
  } catch (...) {
    // Nothing to undo (SQLite already rolled back after the error) or the connection is gone;
    // the caller's exception is the one that matters.
  }
  if (url_.backend == Backend::Sqlite) signal_writer_release();
}

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  DatabaseUrl parsed;
  std::string error;
  if (!parse_database_url(url, parsed, error)) throw std::runtime_error(error);
  std::unique_ptr<Database> db(new Database(parsed, pool_size));
  const soci::backend_factory& factory =
      parsed.backend == Backend::Sqlite ? *soci::factory_sqlite3() : *soci::factory_mysql();
  for (std::size_t i = 0; i < pool_size; ++i) {
    soci::session& sql = db->pool_->at(i);
    sql.open(factory, parsed.connect);
    if (parsed.backend == Backend::Sqlite) {
      // WAL lets readers run beside the one writer; foreign keys are off by default in SQLite.
      sql << "PRAGMA journal_mode=WAL";
      sql << "PRAGMA foreign_keys=ON";
      // Statement and savepoint journals in memory: the token endpoint's group commit gives every
      // request a SAVEPOINT (store/write_batcher.h), and SQLite otherwise spills their undo
      // pages past 64 KiB into a temporary file (open, write, unlink per batch).
      sql << "PRAGMA temp_store=MEMORY";
      auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
      sqlite_api::sqlite3_busy_handler(backend->conn_, wait_for_writer, nullptr);
      watch_wal(sql);
    } else {
      sql << "SET SESSION sql_mode='STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'";
      // READ COMMITTED: every statement sees what other transactions have committed (as SQLite
      // does), and InnoDB takes no gap locks, which under REPEATABLE READ turned concurrent
      // inserts into neighbouring index ranges into deadlocks.
      sql << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
    }
    register_connection(sql);
  }
  db->with_session([&](soci::session& sql) {
    apply_migrations(sql, parsed.backend == Backend::Sqlite ? "sqlite" : "mysql");
  });
  return db;
}

}  // namespace uia::store
