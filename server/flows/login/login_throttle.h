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

// A password check's turn for `subject`. Under the subject's key lock (store/key_lock.h), so
// concurrent guesses are admitted one at a time: refused (423) while locked or when the verified
// failures leave no attempt. Otherwise the check is recorded as *in flight* before the password
// is checked (`attempt` is its row), and it is resolved afterwards: count_failure when the
// password was wrong, forgive_attempt or clear_failures when it was right.
//
// Only a verified wrong password is a failure. While the checks in flight could still use up
// the attempts left (four failures and one check running), a new check waits for them to end
// rather than be refused or admitted: five parallel wrong guesses still lock, and any number of
// parallel right answers all succeed (issue 20: 16 clients with the right password got 423
// when in-flight checks counted as failures). A check that waited 5 s gets 429 with Retry-After.
struct Turn {
  std::optional<http::ApiResponse> refusal;
  long long attempt = 0;
};
Turn take_turn(app::Services& services, const std::string& subject, const std::string& ip, long long now);
// The password was wrong: the attempt counts as a failure from now on. Returns the seconds
// until the subject unlocks (0 when this failure did not lock it).
long long count_failure(const app::Services& services, soci::session& sql, const std::string& subject,
                        long long attempt, long long now);
// The right password was given: the attempt counts for nothing.
void forgive_attempt(soci::session& sql, long long attempt);
// The right password signed in: this attempt and every counted failure of the subject are cleared (under its key
// lock: one lock order with take_turn, so concurrent sign-ins of one account never deadlock).
// Checks still in flight keep their rows: a wrong guess racing a right one still counts.
void clear_failures(app::Services& services, soci::session& sql, const std::string& subject, long long attempt,
                    long long now);
// 423 ACCOUNT_LOCKED with retry_after.
http::ApiResponse locked_answer(long long wait);

}  // namespace uia::flows
