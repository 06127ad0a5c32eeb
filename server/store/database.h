// The database: a pool of SOCI sessions over SQLite (embedded default) or MySQL/MariaDB.
// Repositories borrow a session per unit of work; `transact` wraps one in a transaction that
// commits when the work returns and rolls back when it throws, so nothing is half-written.
#pragma once
#include <memory>
#include <string>
#include <utility>

#include <soci/connection-pool.h>
#include <soci/session.h>
#include <soci/transaction.h>

namespace uia::store {

enum class Backend { Sqlite, Mysql };

struct DatabaseUrl {
  Backend backend = Backend::Sqlite;
  std::string connect;  // the SOCI connection string
  std::string display;  // for logs: never shows the password
};
// "sqlite:PATH" or "mysql://user:pass@host:port/dbname"; nullopt-like failure via `error`.
bool parse_database_url(const std::string& url, DatabaseUrl& out, std::string& error);

class Database {
 public:
  // Opens `pool_size` connections and applies migrations. Throws std::runtime_error.
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size = 4);
  ~Database();

  Backend backend() const { return url_.backend; }
  const std::string& display_name() const { return url_.display; }

  template <typename Work>
  auto with_session(Work&& work) {
    soci::session sql(*pool_);
    return std::forward<Work>(work)(sql);
  }

  template <typename Work>
  auto transact(Work&& work) {
    soci::session sql(*pool_);
    begin(sql);
    try {
      if constexpr (std::is_void_v<decltype(work(sql))>) {
        std::forward<Work>(work)(sql);
        commit(sql);
      } else {
        auto result = std::forward<Work>(work)(sql);
        commit(sql);
        return result;
      }
    } catch (...) {
      rollback(sql);
      throw;
    }
  }

 private:
  Database(DatabaseUrl url, std::size_t pool_size);

  // SQLite transactions start with BEGIN IMMEDIATE, taking the write lock up front and waiting
  // out another writer with the busy timeout. A plain (deferred) BEGIN starts as a reader; when
  // it then writes after another connection has committed, WAL cannot upgrade its stale
  // snapshot and SQLite fails at once with "database is locked" without consulting the busy
  // timeout, so concurrent registrations and SMS requests (read, then write) became 500s.
  void begin(soci::session& sql) const;
  void commit(soci::session& sql) const;
  void rollback(soci::session& sql) const noexcept;

  DatabaseUrl url_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

}  // namespace uia::store
