// What a client does with tokens it holds: GET/POST /oidc/userinfo (claims by scope, the real
// name and phone: the hand-over the person consented to), POST /oidc/introspect (RFC 7662) and
// POST /oidc/revoke (RFC 7009).
#pragma once
#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows::oidc {

http::ApiResponse userinfo(app::Services& services, const OidcCall& call, const http::ApiRequest& request);
http::ApiResponse introspect(app::Services& services, const OidcCall& call, const http::ApiRequest& request);
http::ApiResponse revoke(app::Services& services, const OidcCall& call, const http::ApiRequest& request);

}  // namespace uia::flows::oidc
