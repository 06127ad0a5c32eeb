// Binding an e-mail address in the personal centre (seed 002 六、安全中心: 郵箱): the login
// password proves it is the person, a 6-digit code sent to the address proves the mailbox; only
// then is the address stored (sealed, blind-indexed) and usable for password recovery.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse change_email(app::Services& services, const http::ApiRequest& request);  // PUT /api/v1/me/email
http::ApiResponse verify_email(app::Services& services, const http::ApiRequest& request);  // POST /api/v1/me/email/verify
// Dev mode only: GET /api/dev/mail?to=... → {"messages": [...]} newest first.
http::ApiResponse dev_mail(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
