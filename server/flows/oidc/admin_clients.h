// Back-office registers, lists and disables the business systems that sign people in through
// the OpenID Connect provider (role `admin`). The client secret is shown once, at registration.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse register_oidc_client(app::Services& services, const http::ApiRequest& request);  // POST /api/v1/admin/clients
http::ApiResponse list_oidc_clients(app::Services& services, const http::ApiRequest& request);     // GET /api/v1/admin/clients
http::ApiResponse disable_oidc_client(app::Services& services, const http::ApiRequest& request);   // POST .../{id}/disable

}  // namespace uia::flows
