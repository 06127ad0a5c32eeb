// Who is calling: a bearer token or the uia_session cookie. Cookie callers must also send the
// session's CSRF token in X-CSRF-Token on unsafe methods (the cookie alone could be sent by a
// forged cross-site form); bearer callers cannot be forged that way and need no CSRF token.
// A session acting for an enterprise is also checked on every request: an agent's grant (and
// every grant it was delegated from) must still be in force, a legal representative must still
// be the enterprise's representative; otherwise 403 AGENT_GRANT_INACTIVE.
#pragma once
#include <variant>

#include "app/services.h"
#include "flows/sessions/session_store.h"
#include "http/api.h"

namespace uia::flows {

// The active session, or the 401/403 answer to send.
std::variant<ActiveSession, http::ApiResponse> authenticate(app::Services& services, const http::ApiRequest& request);
// authenticate() without the acting check, for the routes that let a person leave an identity
// that stopped working: sign out, list identities, switch identity.
std::variant<ActiveSession, http::ApiResponse> authenticate_any_identity(app::Services& services,
                                                                         const http::ApiRequest& request);

}  // namespace uia::flows
