// The end of every successful sign-in of a person (password, SMS code, QR code): a new session,
// its audit line, and the answer the client signs in with (token, CSRF token, masked subject,
// uia_session cookie). One place, so every way in gives the same answer.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"
#include "store/person.h"

namespace uia::flows {

// 201 {"token","expires_in","csrf_token","subject"} + the session cookie, in the caller's
// transaction; 403 ACCOUNT_FROZEN instead when staff froze the account. The session belongs to the device that sent `request` (its address and browser).
// The audit line's detail is `method`, or `audit_detail` when given (e.g. "qr approver=session:7");
// `session_id`, when given, receives the new session's id.
http::ApiResponse issue_person_session(app::Services& services, soci::session& sql, const store::Person& person,
                                       const http::ApiRequest& request, const std::string& method, long long now,
                                       const std::string& audit_detail = "", long long* session_id = nullptr);

}  // namespace uia::flows
