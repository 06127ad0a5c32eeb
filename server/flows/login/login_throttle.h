// Counting failed sign-ins, shared by persons (POST /api/v1/sessions) and staff
// (POST /api/v1/admin/sessions). A subject key names what is locked: a blind index of what was
// typed, in a domain of its own per kind of account, so locking a staff name never locks a
// person who typed the same text. 5 failures in 15 minutes lock the subject for 30 minutes
// (Limits), and each client IP is throttled too.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

// Seconds until the subject unlocks, 0 when it is not locked.
long long locked_for(const app::Services& services, soci::session& sql, const std::string& subject, long long now);
// Failed attempts from `ip` in the last minute (any subject).
long long ip_failures_last_minute(soci::session& sql, const std::string& ip, long long now);
// Writes this attempt's failure row before the password is checked and returns its id, or 0
// when the subject is over the limit (see the .cpp for why counting comes first). A right
// password deletes the row again (or all the subject's rows).
long long admit_attempt(const app::Services& services, soci::session& sql, const std::string& subject,
                        const std::string& ip, long long now);
// 423 ACCOUNT_LOCKED with retry_after.
http::ApiResponse locked_answer(long long wait);

}  // namespace uia::flows
