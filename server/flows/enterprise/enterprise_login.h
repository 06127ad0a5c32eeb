// Enterprise sign-in (seeds 000 企业登录, 001 法人账号登录): POST /api/v1/sessions with
// {"method": "enterprise_password", "identifier": <enterprise account | USCC>, "password",
// "captcha_id", "captcha_answer"}. The same throttle, captcha and per-identifier lockout as a
// person's password sign-in (login_throttle.h), in a subject domain of its own. The session acts
// for the enterprise (ActingFor{enterprise_id, "enterprise"}, no person).
#pragma once
#include "app/services.h"
#include "http/api.h"
#include "http/json_fields.h"

namespace uia::flows {

http::ApiResponse enterprise_password_sign_in(app::Services& services, const http::ApiRequest& request,
                                              http::JsonFields& fields);

// The lockout key of what was typed (account or USCC), shared with recovery, which lifts it.
std::string enterprise_login_subject(const app::Services& services, const std::string& identifier);

}  // namespace uia::flows
