// Authorization relations between persons (授权管理, seed 000 四、(6) ②): a person (grantor)
// authorizes another registered person (grantee) to act for them, for a scope and a validity
// period. The grantor proves it is them with a face check ("用户添加时需要核验本人人脸"); then
// the grantee gets a message in "my messages" and confirms or refuses within 24 hours (the
// deadline the seeds give for accepting a grant, 003 "24 小时内"). Either side can end it.
//
//   awaiting_face --face pass--> pending --grantee confirms--> active --either ends--> ended
//        |                          |--grantee refuses--> refused
//        |--face fail--> face_failed |--24 h pass--> expired       (active past valid_to: expired)
//        |--grantor ends--> ended    |--either ends--> ended
//
// Routes (the signed-in person; "delegations" so they never clash with the OIDC list of
// business systems a person has authorized):
//   POST /api/v1/me/delegations                 {"name","id_number","phone"?,"scope","valid_from"?,"valid_to"}
//   GET  /api/v1/me/delegations/given           the ones I granted
//   GET  /api/v1/me/delegations/received        the ones granted to me (from pending on)
//   POST /api/v1/me/delegations/{id}/confirm    grantee, pending → active
//   POST /api/v1/me/delegations/{id}/refuse     grantee, pending → refused
//   POST /api/v1/me/delegations/{id}/end        either side, not over yet → ended
// Every transition is audited as "person:<actor>" acting on "delegation:<id>" with the detail
// naming grantor and grantee, so the trail says who acted for whom.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

constexpr long long kMaxOpenDelegationsPerPerson = 20;

http::ApiResponse create_delegation(app::Services& services, const http::ApiRequest& request);
http::ApiResponse list_given_delegations(app::Services& services, const http::ApiRequest& request);
http::ApiResponse list_received_delegations(app::Services& services, const http::ApiRequest& request);
http::ApiResponse confirm_delegation(app::Services& services, const http::ApiRequest& request);
http::ApiResponse refuse_delegation(app::Services& services, const http::ApiRequest& request);
http::ApiResponse end_delegation(app::Services& services, const http::ApiRequest& request);

// The face service's verdict on a grantor's ticket (called from complete_face_check).
void delegation_face_result(app::Services& services, soci::session& sql, const std::string& ticket, bool passed,
                            long long now);
// Account deletion: every relation of the person not over yet ends, the other side is told.
void end_delegations_of(soci::session& sql, long long person_id, long long now);

}  // namespace uia::flows
