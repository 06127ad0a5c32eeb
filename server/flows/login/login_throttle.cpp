#include "flows/login/login_throttle.h"

#include <soci/soci.h>

#include <algorithm>
#include <vector>

namespace uia::flows {
using http::ApiResponse;

// Seconds until the identifier unlocks, 0 when it is not locked.
long long locked_for(const app::Services& services, soci::session& sql, const std::string& subject, long long now) {
  const auto& limits = services.limits;
  std::vector<long long> times(static_cast<std::size_t>(limits.login_max_failures));
  // SOCI binds by reference, and the statement runs after this line: no temporaries.
  const long long since = now - limits.login_failure_window_seconds - limits.login_lock_seconds;
  soci::statement st = (sql.prepare << "SELECT failed_at FROM login_failures WHERE subject_key = :s AND failed_at > :since "
                                       "ORDER BY failed_at DESC",
                        soci::use(subject), soci::use(since), soci::into(times));
  st.execute(true);
  if (static_cast<int>(times.size()) < limits.login_max_failures) return 0;
  // The newest `max` failures fall within the window: locked from the newest for lock_seconds.
  const long long newest = times.front();
  const long long oldest_of_run = times[static_cast<std::size_t>(limits.login_max_failures) - 1];
  if (newest - oldest_of_run > limits.login_failure_window_seconds) return 0;
  return std::max<long long>(0, newest + limits.login_lock_seconds - now);
}

long long ip_failures_last_minute(soci::session& sql, const std::string& ip, long long now) {
  long long count = 0;
  const long long since = now - 60;
  sql << "SELECT COUNT(*) FROM login_failures WHERE client_ip = :ip AND failed_at > :since", soci::use(ip),
      soci::use(since), soci::into(count);
  return count;
}

// An attempt is counted as a failure *before* its password is checked, and the count is taken
// after the row is committed: of any number of concurrent guesses, at most `max` can see fewer
// than `max` other attempts, so parallel requests cannot buy more password checks than the
// lockout allows (checking first and counting afterwards let 12 of 16 parallel guesses through).
// Returns the attempt's row id, or 0 when the attempt is over the limit (its row is removed
// again: it checked nothing).
long long admit_attempt(const app::Services& services, soci::session& sql, const std::string& subject,
                        const std::string& ip, long long now) {
  sql << "INSERT INTO login_failures (subject_key, client_ip, failed_at) VALUES (:s, :ip, :t)", soci::use(subject),
      soci::use(ip), soci::use(now);
  long long id = 0;
  sql.get_last_insert_id("login_failures", id);
  const long long since = now - services.limits.login_failure_window_seconds;
  long long others = 0;
  sql << "SELECT COUNT(*) FROM login_failures WHERE subject_key = :s AND failed_at > :since AND id <> :id",
      soci::use(subject), soci::use(since), soci::use(id), soci::into(others);
  if (others < services.limits.login_max_failures) return id;
  sql << "DELETE FROM login_failures WHERE id = :id", soci::use(id);
  return 0;
}

ApiResponse locked_answer(long long wait) {
  ApiResponse locked = ApiResponse::error(423, ErrorCode::AccountLocked);
  locked.retry_after(wait);
  return locked;
}

}  // namespace uia::flows
