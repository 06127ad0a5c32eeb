// Serialises transactions on a key. Some checks are "count, then write" (five sign-in attempts
// per identifier): two transactions that count at the same time both see room and both write.
// Taking the key's lock first makes them take turns. On MySQL/InnoDB this is a row lock
// (SELECT ... FOR UPDATE on the key's row, created on first use); on SQLite the transaction's
// BEGIN IMMEDIATE already holds the single write lock, so only the row is touched.
#pragma once
#include <string>

#include <soci/session.h>

#include "store/database.h"

namespace uia::store {

// Call inside Database::transact; the lock is held until that transaction ends.
void lock_key(soci::session& sql, Backend backend, const std::string& key, long long now);

}  // namespace uia::store
