// GET /oidc/authorize: the start of the authorization code flow. A bad client or redirect URI
// is answered here as an error (never redirected to); any other bad parameter goes back to the
// client's redirect URI as an OAuth error. A browser without a signed-in person, or whose
// person's real-name level is below what the client demands, is sent to the web client's login
// page; one without consent to the scopes to the consent page; both pages finish the stored
// request through POST /api/v1/oidc/requests/{id}/decision.
#pragma once
#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows::oidc {

http::ApiResponse authorize(app::Services& services, const OidcCall& call, const http::ApiRequest& request);

}  // namespace uia::flows::oidc
