// REST for the web client's login and consent pages of an OIDC authorization request:
// what is being asked (client, scopes, level required, who is signed in, masked), and the
// person's decision, which answers the URL to send the browser back to (code or access_denied).
#pragma once
#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse describe_oidc_request(app::Services& services, const http::ApiRequest& request);  // GET /api/v1/oidc/requests/{id}
http::ApiResponse decide_oidc_request(app::Services& services, const oidc::OidcCall& call, const http::ApiRequest& request);    // POST .../{id}/decision

}  // namespace uia::flows
