// "My sessions" in the personal centre: where the person is signed in (when, from which address
// and browser), and signing out one of them, e.g. a forgotten session on a shared computer.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_my_sessions(app::Services& services, const http::ApiRequest& request);   // GET /api/v1/me/sessions
http::ApiResponse revoke_my_session(app::Services& services, const http::ApiRequest& request);  // DELETE /api/v1/me/sessions/{id}

}  // namespace uia::flows
