// The signed-in person: GET /api/v1/me (masked, as the contract fixes) and
// DELETE /api/v1/sessions/current (log out: the token stops working at once).
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

// GET /api/v1/me answers are kept in services.read_cache under this key (see runtime/read_cache.h).
std::string me_cache_key(const std::string& token);
http::ApiResponse get_me(app::Services& services, const http::ApiRequest& request);
http::ApiResponse sign_out(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
