// Ending single sign-on. GET /oidc/logout (RP-initiated logout 1.0): an id_token_hint names the
// client (and the person, who must be the browser's), a post_logout_redirect_uri must match one
// the client registered exactly (else an error is shown, never redirected to); the browser's
// sign-in session ends. Whenever a session ends this way, every client it touched is told by
// back-channel logout (a signed logout token to its backchannel_logout_uri) and the tokens the
// session gave those clients are revoked.
#pragma once
#include <string>

#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows::oidc {

http::ApiResponse end_session(app::Services& services, const OidcCall& call, const http::ApiRequest& request);

// Revokes the token families a sign-in session started and notifies their clients; call after
// the session itself was revoked. Returns how many clients were notified.
int notify_session_end(app::Services& services, const Provider& provider, long long session_id, long long person_id, const std::string& issuer,
                       const std::string& client_ip);

}  // namespace uia::flows::oidc
