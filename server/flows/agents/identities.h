// Choosing whom to act as after a person signs in (seed 003 "系统检测到若绑定了企业经办人的身份，
// 则会弹出弹窗提示，选择需要登录的身份"; "可以通过右上角切换按钮，再次进行切换"):
//   GET /api/v1/me/identities               {"current": Identity, "identities": [Identity]}
//   PUT /api/v1/sessions/current/identity   {"type": "person"} | {"type": "enterprise", "enterprise_id",
//                                            "grant_id"?} → 200 the session as GET /sessions/current
// Identity: {"type": "person", "role": "self", "person_id", "name"} or {"type": "enterprise",
// "role": "legal_rep" | "admin" | "agent", "enterprise_id", "enterprise_name", "uscc", "grant_id"}.
// Both work even when the identity the session holds has stopped working, so the person can
// step back to their own. The switch changes the session in place and is audited.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_my_identities(app::Services& services, const http::ApiRequest& request);
http::ApiResponse switch_identity(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
