// The agent centre (seed 000 经办人中心: "显示经办人身份的基本信息，能查看基础企业信息，可以修改
// 自己账号的登录密码"): GET /api/v1/enterprises/{id}/agent-centre for a session acting for the
// enterprise as legal_rep, admin or agent →
//   {"agent": {"person_id", "name", "id_type", "id_number", "phone", "level", "role"},
//    "grant": Grant | null, "enterprise": {"id", "name", "uscc", "org_type", "status", "legal_rep_name"},
//    "can_manage_agents": bool}
// The agent changes their own password with PUT /api/v1/me/password (the person's own route:
// an agent signs in with their own person password).
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse get_agent_centre(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
