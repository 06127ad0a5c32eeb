// A person asks an enterprise to make them an agent (seed 002 "主动向企业申报授权...经企业法定
// 代表人/管理员审核通过，成为申请企业的经办人"):
//   POST /api/v1/enterprises/{id}/grant-requests                     {scope: [..], valid_from?, valid_to, note?}
//                                                                     ({id}: the enterprise id or its USCC)
//   GET  /api/v1/enterprises/{id}/grant-requests                     managers: the requests, newest first
//   POST /api/v1/enterprises/{id}/grant-requests/{request_id}/approve  {admin?}
//   POST /api/v1/enterprises/{id}/grant-requests/{request_id}/reject
// Approval by the enterprise account or the legal representative makes a level-1 grant that
// waits for the representative's face check and is then active at once (the person asked for
// it); approval by an admin agent makes a grant delegated from the admin's own (the request
// must fit inside it), active at once.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse create_grant_request(app::Services& services, const http::ApiRequest& request);
http::ApiResponse list_grant_requests(app::Services& services, const http::ApiRequest& request);
http::ApiResponse approve_grant_request(app::Services& services, const http::ApiRequest& request);
http::ApiResponse reject_grant_request(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
