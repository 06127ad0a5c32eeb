// Who is calling: a bearer token or the uia_session cookie. Cookie callers must also send the
// session's CSRF token in X-CSRF-Token on unsafe methods (the cookie alone could be sent by a
// forged cross-site form); bearer callers cannot be forged that way and need no CSRF token.
#pragma once
#include <variant>

#include "app/services.h"
#include "flows/sessions/session_store.h"
#include "http/api.h"

namespace uia::flows {

// The active session, or the 401/403 answer to send.
std::variant<ActiveSession, http::ApiResponse> authenticate(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
