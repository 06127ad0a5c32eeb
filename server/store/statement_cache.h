// Statements prepared once per pooled connection and executed again with new values, for the
// hot paths (the OIDC token endpoint, userinfo). `sql << "..."` prepares its statement on every
// call (on SQLite a fresh sqlite3_prepare_v2 plus SOCI's per-statement allocations), which cost
// more than running the statement itself.
//
// A cached statement is a struct whose members are the values it binds (SOCI binds by
// reference, so they must outlive the statement) and, declared last, the soci::statement
// prepared from them:
//   struct ClaimCode {
//     long long now = 0;
//     std::string hash;
//     soci::statement st;
//     explicit ClaimCode(soci::session& sql)
//         : st((sql.prepare << "UPDATE ... WHERE code_hash = :h", soci::use(now), soci::use(hash))) {}
//   };
//   store::Prepared<ClaimCode> claim(sql);
//   claim->now = now; claim->hash = hash;
//   if (store::run(sql, claim->st).affected_rows != 1) ...
// The cache belongs to the pooled connection (Database registers one per pool slot and drops
// it before the connection closes); only the thread holding the connection's lease uses it. A
// session Database did not open gets a statement of its own, prepared for that one use.
#pragma once
#include <exception>
#include <memory>
#include <typeindex>
#include <unordered_map>

#include <soci/session.h>
#include <soci/statement.h>

namespace uia::store {

class StatementCache {
 public:
  explicit StatementCache(soci::session& sql) : sql_(sql) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  template <typename T>
  T& get() {
    auto& slot = entries_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>(sql_);
    return *static_cast<T*>(slot.get());
  }
  // Forgets a statement (it is prepared afresh on its next use).
  template <typename T>
  void drop() {
    entries_.erase(std::type_index(typeid(T)));
  }

 private:
  soci::session& sql_;
  std::unordered_map<std::type_index, std::shared_ptr<void>> entries_;
};

// The cache of the pooled connection `sql` runs on (a session leased from Database's pool shares
// its connection's backend); nullptr for a connection Database did not register.
StatementCache* statement_cache_of(soci::session& sql);
// Database's side: a cache for each pooled connection once it is open, dropped (with its
// statements) before the connection closes.
void register_connection(soci::session& pooled);
void unregister_connection(soci::session& pooled);

// A handle on the cached statement T of `sql`. When an exception leaves the scope of the
// handle, the statement is dropped from the cache: a statement that failed half-way (a
// constraint, a lost connection) is not trusted again.
template <typename T>
class Prepared {
 public:
  explicit Prepared(soci::session& sql) : cache_(statement_cache_of(sql)), exceptions_(std::uncaught_exceptions()) {
    if (cache_) {
      statement_ = &cache_->get<T>();
    } else {
      owned_ = std::make_unique<T>(sql);
      statement_ = owned_.get();
    }
  }
  ~Prepared() {
    if (cache_ && std::uncaught_exceptions() > exceptions_) cache_->drop<T>();
  }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  T* operator->() const { return statement_; }
  T& operator*() const { return *statement_; }

 private:
  StatementCache* cache_;
  int exceptions_;
  T* statement_ = nullptr;
  std::unique_ptr<T> owned_;
};

struct RunResult {
  bool got_data = false;         // a SELECT found a row (its into() members hold it)
  long long affected_rows = 0;  // an INSERT/UPDATE/DELETE
};

// Executes a cached statement of `sql` with the current values of its members, fetching at
// most one row. On SQLite the statement is reset at once: a cached SELECT left on its row would
// keep its read transaction (and an old snapshot) open on the connection after the call.
RunResult run(soci::session& sql, soci::statement& st);

// Runs a cached statement that binds nothing (BEGIN IMMEDIATE, COMMIT, SAVEPOINT ...).
template <typename Statement>
void run_prepared(soci::session& sql) {
  Prepared<Statement> statement(sql);
  run(sql, statement->st);
}

}  // namespace uia::store
