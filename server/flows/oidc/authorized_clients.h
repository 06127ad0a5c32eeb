// The personal centre's list of business systems the person has authorized (OIDC grants), and
// withdrawing one: the grant goes and every token the system holds for the person stops working.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse list_authorized_clients(app::Services& services, const http::ApiRequest& request);   // GET /api/v1/me/authorized-clients
http::ApiResponse revoke_authorized_client(app::Services& services, const http::ApiRequest& request);  // DELETE .../{client_id}

}  // namespace uia::flows
