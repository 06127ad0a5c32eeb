// A new face check for a person whose registration check failed or expired (status
// pending_face): POST /api/v1/face/checks {"identifier","password","captcha_id",
// "captcha_answer"} → 201 {"face_ticket","face_url","expires_in"}. The person proves who they
// are as at sign-in: the same captcha, the same lockout counter (a wrong password here counts
// towards the sign-in lock) and the same CREDENTIALS_INVALID answer for unknown accounts.
// At most Limits::face_checks_per_day checks per person in 24 hours (the registration's own
// included) → 429 FACE_RETRY_LIMITED; a new ticket supersedes any still pending.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse retry_face_check(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
