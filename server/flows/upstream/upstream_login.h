// Sign-in through an upstream identity provider (seed 000/003: "国家政务服务平台" login):
//   GET /api/v1/upstream/providers         the configured providers, for the login page's buttons
//   GET /api/v1/upstream/{name}/login[?return_to=/path]   302 to the provider's authorize URL
//       (state, nonce, PKCE S256), setting the short-lived uia_upstream cookie that binds the
//       state to this browser; return_to (a same-origin path only) is where the callback lands.
//   GET /api/v1/upstream/{name}/callback   the provider's redirect back: the browser cookie,
//       `iss` (RFC 9207), code exchange, ID token check, the local person by link or by verified
//       ID number, a normal session (cookie), and 302 to return_to or /#/centre. Every failure is
//       a 302 to /#/login?upstream_error=<CODE> (never a 5xx), audited like a refused login.
#pragma once
#include "app/services.h"
#include "flows/upstream/upstream_providers.h"
#include "http/api.h"

namespace uia::flows::upstream {

constexpr const char* kSignedInPage = "/#/centre";
constexpr const char* kLoginPage = "/#/login";

http::ApiResponse list_upstream_providers(const UpstreamProviders& providers, app::Services& services,
                                          const http::ApiRequest& request);
http::ApiResponse start_upstream_login(const UpstreamProviders& providers, app::Services& services,
                                       const http::ApiRequest& request);
http::ApiResponse finish_upstream_login(const UpstreamProviders& providers, app::Services& services,
                                        const http::ApiRequest& request);

}  // namespace uia::flows::upstream
