// Back-office sign-in: POST /api/v1/admin/sessions {"username","password"} → 201
// {"token","expires_in","staff":{"id","username","roles"}}, and DELETE
// /api/v1/admin/sessions/current. The same lockout as persons (flows/login/login_throttle.h)
// under a subject key of its own; wrong credentials and unknown or disabled accounts get one
// answer; every attempt is audited.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse staff_sign_in(app::Services& services, const http::ApiRequest& request);
http::ApiResponse staff_sign_out(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
