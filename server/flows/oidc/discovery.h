// GET /.well-known/openid-configuration (OpenID Connect Discovery 1.0): every endpoint and what
// the provider supports; GET /oidc/jwks (also /.well-known/jwks.json): the public signing keys.
#pragma once
#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows::oidc {

http::ApiResponse discovery(app::Services& services, const OidcCall& call, const http::ApiRequest& request);
http::ApiResponse jwks(app::Services& services, const OidcCall& call, const http::ApiRequest& request);

}  // namespace uia::flows::oidc
