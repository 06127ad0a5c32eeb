// Back-office casework on appeals (role reviewer; staff bearer token):
//   GET  /api/v1/admin/cases?kind=&status=&overdue=true&older_than_hours=N&mine=true&limit=&cursor=
//   GET  /api/v1/admin/cases/{case_number}                  the case, unmasked (audited case.read)
//   GET  /api/v1/admin/cases/{case_number}/materials/{id}   one file (audited case.material.read)
//   POST /api/v1/admin/cases/{case_number}/claim            submitted → in_review,
//                                                           awaiting_second → second_review
//   POST /api/v1/admin/cases/{case_number}/release          back to the queue
//   POST /api/v1/admin/cases/{case_number}/decision {"decision":"approve"|"reject","reason"}
// The states are shared/appeals/appeals.h. A reviewer decides only a case they hold; with
// limits.appeal_second_review on, an enterprise case's first approval waits for a second reviewer,
// who cannot be the first. An approval applies the account change (appeal_effects.h) in the same
// transaction as the case's final state; when the change cannot be made nothing changes (409
// CASE_APPLY_CONFLICT) and the reviewer rejects with a reason instead.
// Audit entries: case.read, case.material.read, case.claim, case.release, case.first_approve,
// case.approve, case.reject (target "appeal:<case_number>", actor "staff:<id>"); denied attempts
// are audited with their error code.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_cases(app::Services& services, const http::ApiRequest& request);
http::ApiResponse show_case(app::Services& services, const http::ApiRequest& request);
http::ApiResponse show_case_material(app::Services& services, const http::ApiRequest& request);
http::ApiResponse claim_case(app::Services& services, const http::ApiRequest& request);
http::ApiResponse release_case(app::Services& services, const http::ApiRequest& request);
http::ApiResponse decide_case(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
