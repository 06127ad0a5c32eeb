// The agent's side (seed 003 经办人确认, 查看所有企业授权; seed 001 再次授权). Routes of the
// signed-in person, whatever identity the session acts as:
//   GET  /api/v1/me/agent-grants                          grants offered to me (from pending on), newest first
//   POST /api/v1/me/agent-grants/{grant_id}/accept        pending → active (409 AGENT_ACCEPT_EXPIRED after 24 h)
//   POST /api/v1/me/agent-grants/{grant_id}/refuse        pending → refused
//   POST /api/v1/me/agent-grants/{grant_id}/delegations   re-delegate: {name, id_number, phone, scope, valid_from?,
//                                                          valid_to} within my grant, at most 3 levels
//   GET  /api/v1/me/enterprises                           every enterprise that authorized me (and those I represent)
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_my_agent_grants(app::Services& services, const http::ApiRequest& request);
http::ApiResponse accept_agent_grant(app::Services& services, const http::ApiRequest& request);
http::ApiResponse refuse_agent_grant(app::Services& services, const http::ApiRequest& request);
http::ApiResponse redelegate_agent_grant(app::Services& services, const http::ApiRequest& request);
http::ApiResponse list_my_enterprises(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
