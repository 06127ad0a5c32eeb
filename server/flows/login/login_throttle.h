// Counting failed sign-ins, shared by persons (POST /api/v1/sessions) and staff
// (POST /api/v1/admin/sessions). A subject key names what is locked: a blind index of what was
// typed, in a domain of its own per kind of account, so locking a staff name never locks a
// person who typed the same text. 5 failures in 15 minutes lock the subject for 30 minutes
// (Limits), and each client IP is throttled too.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

// Seconds until the subject unlocks, 0 when it is not locked.
long long locked_for(const app::Services& services, soci::session& sql, const std::string& subject, long long now);
// Failed attempts from `ip` in the last minute (any subject).
long long ip_failures_last_minute(soci::session& sql, const std::string& ip, long long now);

// The checks before a person's password turn (sign-in, face-check retry): the client IP's
// failures in the last minute (429) and the captcha, which is spent whatever comes next.
// nullopt when both pass.
std::optional<http::ApiResponse> throttle_and_captcha(app::Services& services, const std::string& ip,
                                                      const std::string& captcha_id, const std::string& captcha_answer,
                                                      long long now);

// A password check's turn for `subject`. In its own transaction, under the subject's key lock
// (store/key_lock.h), so concurrent guesses count one at a time: refused (423) while locked or
// when no attempt is left; otherwise this attempt is recorded as a failure *before* the password
// is checked, and `attempt` is its row. A right password then forgives it (forgive_attempt) or
// clears the subject's failures (clear_failures).
struct Turn {
  std::optional<http::ApiResponse> refusal;
  long long attempt = 0;
};
Turn take_turn(app::Services& services, const std::string& subject, const std::string& ip, long long now);
// The right password was given: the attempt counts for nothing.
void forgive_attempt(soci::session& sql, long long attempt);
// The right password signed in: every failure of the subject is cleared (under its key lock:
// one lock order with take_turn, so concurrent sign-ins of one account never deadlock).
void clear_failures(app::Services& services, soci::session& sql, const std::string& subject, long long now);
// 423 ACCOUNT_LOCKED with retry_after.
http::ApiResponse locked_answer(long long wait);

}  // namespace uia::flows
