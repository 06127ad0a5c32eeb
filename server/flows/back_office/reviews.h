// Back-office review of registrations that wait for it (role reviewer):
//   GET  /api/v1/admin/reviews?status=pending[&limit&cursor]  the queue, oldest first, masked
//   GET  /api/v1/admin/reviews/{person_id}  one application unmasked, with its documents
//        (the reviewer must compare them with what was typed); the read is audited
//   POST /api/v1/admin/reviews/{person_id} {"decision":"approve"|"reject","reason"}
// Approval makes the person active at level 2 (identity checked by a person against the
// documents). Rejection needs a reason and marks the person `rejected`: signing in then answers
// ACCOUNT_NOT_ACTIVE with the reason, and the person may register again with the same document
// (the rejected application is erased then). The decision is kept in registration_reviews
// and audited with actor staff:<id>.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_reviews(app::Services& services, const http::ApiRequest& request);
http::ApiResponse show_review(app::Services& services, const http::ApiRequest& request);
http::ApiResponse decide_review(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
