// Where a face check stands, for the page that shows its ticket and waits:
// GET /api/v1/face/checks/{ticket} → 200 {"ticket","purpose","status","expires_in"} with status
// pending | passed | failed | expired | superseded (a newer check replaced it). The ticket is an
// unguessable bearer of its own result (the phone app opened it), so no session is needed; an
// unknown ticket is 404 like a wrong one. Nothing about the person is revealed.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse face_check_status(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
