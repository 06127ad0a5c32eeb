// Agent sign-in (seed 000 企业经办人账号登陆, 001 代理登录): POST /api/v1/sessions with
// {"method": "agent_password", "uscc": <USCC or enterprise account>, "identifier": <the agent's
// phone or ID number>, "password": <the agent's own person password>, "captcha_id",
// "captcha_answer"}. The same throttle, captcha and lockout as a person's password sign-in
// (login_throttle.h), in a subject domain of its own; a wrong password (or an unknown enterprise
// or person) gets the same 401 CREDENTIALS_INVALID. With the right password, a person who holds
// no grant in force for the enterprise gets 403 AGENT_GRANT_INACTIVE with the grant's state
// ("expired", "disabled", "revoked", "pending", or "none"). The enterprise's legal
// representative signs in the same way and acts as "legal_rep".
#pragma once
#include "app/services.h"
#include "http/api.h"
#include "http/json_fields.h"

namespace uia::flows {

http::ApiResponse agent_password_sign_in(app::Services& services, const http::ApiRequest& request,
                                         http::JsonFields& fields);

}  // namespace uia::flows
