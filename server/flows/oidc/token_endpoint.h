// POST /oidc/token (RFC 6749 §3.2): the authorization code exchange (with the code bound to its
// client, redirect URI and PKCE verifier; a second use revokes what the first gave out) and the
// refresh-token grant (each refresh token works once and is replaced; presenting a replaced one
// again revokes its whole family, since one of its two holders is not the client).
#pragma once
#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows::oidc {

http::ApiResponse token(app::Services& services, const OidcCall& call, const http::ApiRequest& request);

}  // namespace uia::flows::oidc
