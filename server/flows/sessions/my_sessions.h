// "My sessions" in the personal centre: where the person is signed in (when, from which address
// and browser), and signing out one of them, e.g. a forgotten session on a shared computer.
// Also the session a reloaded page is in: the web client keeps its CSRF token in memory only, so
// after a reload it asks GET /api/v1/sessions/current (the HttpOnly cookie goes along by itself)
// and gets the token back. Another site's page can send that request but cannot read the answer
// (no CORS), so the token stays as secret as it was.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_my_sessions(app::Services& services, const http::ApiRequest& request);   // GET /api/v1/me/sessions
http::ApiResponse current_session(app::Services& services, const http::ApiRequest& request);   // GET /api/v1/sessions/current
http::ApiResponse revoke_my_session(app::Services& services, const http::ApiRequest& request);  // DELETE /api/v1/me/sessions/{id}

}  // namespace uia::flows
