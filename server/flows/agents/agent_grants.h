// The enterprise's side of its agents (我的经办人, seeds 000, 001 法人授权, 003 管理经办人):
//   GET    /api/v1/enterprises/{id}/agents              every grant (state read now), the service items
//   POST   /api/v1/enterprises/{id}/agents              {name, id_number, phone, scope: [..], valid_from?,
//                                                        valid_to, admin?}
//   PATCH  /api/v1/enterprises/{id}/agents/{grant_id}   {scope?, valid_from?, valid_to?, admin?, enabled?}
//   PUT    (same as PATCH)
//   DELETE /api/v1/enterprises/{id}/agents/{grant_id}   revoke it and everything delegated from it
// Managers: see agent_manager.h. A grant made by the enterprise account or the legal
// representative waits for the representative's face check (awaiting_face; seed 000 "点击添加
// 按钮弹出人脸验证页面确认为本人操作"); one made by an admin agent is delegated from the admin's
// own grant and offered at once. Offered grants are accepted or refused by the agent within 24
// hours (my_agent_grants.h).
//
//   awaiting_face --face pass--> pending --accept--> active <--enable/disable--> disabled
//        |--face fail--> face_failed  |--refuse--> refused        (active/disabled past valid_to: expired)
//                                     |--24 h pass--> expired    any not over --revoke--> revoked (+ descendants)
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_agents(app::Services& services, const http::ApiRequest& request);
http::ApiResponse add_agent(app::Services& services, const http::ApiRequest& request);
http::ApiResponse edit_agent(app::Services& services, const http::ApiRequest& request);
http::ApiResponse revoke_agent(app::Services& services, const http::ApiRequest& request);

// The face service's verdict on the representative's ticket (called from complete_face_check).
void agent_grant_face_result(app::Services& services, soci::session& sql, const std::string& ticket, bool passed,
                             long long now);

}  // namespace uia::flows
