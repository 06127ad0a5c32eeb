#include "flows/login/login_throttle.h"

#include <soci/soci.h>

#include "flows/captcha/captcha_flow.h"
#include "flows/login/in_flight_wait.h"
#include "store/key_lock.h"

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
                                       "AND pending = 0 ORDER BY failed_at DESC",
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
  sql << "SELECT COUNT(*) FROM login_failures WHERE client_ip = :ip AND failed_at > :since AND pending = 0",
      soci::use(ip), soci::use(since), soci::into(count);
  return count;
}

namespace {

// The attempt's pending row, or the seconds until the subject unlocks.
struct Admission {
  long long attempt = 0;
  long long locked_for = 0;
};

// Inside take_turn's transaction, which holds the subject's key lock: counting and writing are
// one step. (Counting without the lock let 12 of 16 parallel guesses through; counting "everyone
// else" after inserting made all 16 refuse each other on MariaDB and delete their rows, which
// lifted the lock entirely.) nullopt: the checks in flight decide first (in_flight_wait.h).
std::optional<Admission> admit(const app::Services& services, soci::session& sql, const std::string& subject,
                               const std::string& ip, long long now) {
  Admission out;
  if (long long wait = locked_for(services, sql, subject, now); wait > 0) {
    out.locked_for = wait;
    return out;
  }
  const long long since = now - services.limits.login_failure_window_seconds;
  const long long stale = now - kPendingCheckSeconds;
  const long long oldest = std::min(since, stale);
  long long failures = 0, in_flight = 0;
  sql << "SELECT COALESCE(SUM(CASE WHEN pending = 0 AND failed_at > :since THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN pending = 1 AND failed_at > :stale THEN 1 ELSE 0 END), 0) "
         "FROM login_failures WHERE subject_key = :s AND failed_at > :oldest",
      soci::use(since), soci::use(stale), soci::use(subject), soci::use(oldest), soci::into(failures),
      soci::into(in_flight);
  const long long allowed = services.limits.login_max_failures;
  if (failures >= allowed) {
    out.locked_for = std::max<long long>(1, locked_for(services, sql, subject, now));
    return out;
  }
  if (failures + in_flight >= allowed) return std::nullopt;
  sql << "INSERT INTO login_failures (subject_key, client_ip, failed_at, pending) VALUES (:s, :ip, :t, 1)",
      soci::use(subject), soci::use(ip), soci::use(now);
  sql.get_last_insert_id("login_failures", out.attempt);
  return out;
}

}  // namespace

std::optional<ApiResponse> throttle_and_captcha(app::Services& services, const std::string& ip,
                                                const std::string& captcha_id, const std::string& captcha_answer,
                                                long long now) {
  return services.db->with_session([&](soci::session& sql) -> std::optional<ApiResponse> {
    if (ip_failures_last_minute(sql, ip, now) >= services.limits.login_per_ip_per_minute) {
      ApiResponse throttled = ApiResponse::error(429, ErrorCode::TooManyRequests);
      throttled.retry_after(60);
      return throttled;
    }
    if (ErrorCode e = consume_captcha(services, sql, captcha_id, captcha_answer); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "captcha_answer");
    return std::nullopt;
  });
}

Turn take_turn(app::Services& services, const std::string& subject, const std::string& ip, long long now) {
  const auto admission = wait_for_checks_in_flight([&] {
    now = std::max(now, services.now_seconds());
    return services.db->transact([&](soci::session& sql) {
      store::lock_key(sql, services.db->backend(), subject, now);
      return admit(services, sql, subject, ip, now);
    });
  });
  Turn turn;
  if (!admission) {
    turn.refusal = ApiResponse::error(429, ErrorCode::TooManyRequests);
    turn.refusal->retry_after(1);
  } else if (admission->attempt == 0) {
    turn.refusal = locked_answer(admission->locked_for);
  }
  turn.attempt = admission ? admission->attempt : 0;
  return turn;
}

long long count_failure(const app::Services& services, soci::session& sql, const std::string& subject,
                        long long attempt, long long now) {
  sql << "UPDATE login_failures SET pending = 0 WHERE id = :id", soci::use(attempt);
  return locked_for(services, sql, subject, now);
}

void forgive_attempt(soci::session& sql, long long attempt) {
  sql << "DELETE FROM login_failures WHERE id = :id", soci::use(attempt);
}

void clear_failures(app::Services& services, soci::session& sql, const std::string& subject, long long attempt,
                    long long now) {
  store::lock_key(sql, services.db->backend(), subject, now);
  sql << "DELETE FROM login_failures WHERE subject_key = :s AND (pending = 0 OR id = :id)", soci::use(subject),
      soci::use(attempt);
}

ApiResponse locked_answer(long long wait) {
  ApiResponse locked = ApiResponse::error(423, ErrorCode::AccountLocked);
  locked.retry_after(wait);
  return locked;
}

}  // namespace uia::flows
