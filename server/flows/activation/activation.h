// Activating an account imported from another system (`uia import persons`, status
// pending_activation; seeds 004 二、账号激活 and H): (1) ID number + phone + SMS code sent to that
// phone (purpose "activate"); a person whose phone changed since the import gives their name as
// well, passes the real-name check and proves the new phone the same way; (2) choose an account
// name and password, and the account is active.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse verify_activation(app::Services& services, const http::ApiRequest& request);   // POST /api/v1/activation
http::ApiResponse finish_activation(app::Services& services, const http::ApiRequest& request);   // POST .../{id}/account

}  // namespace uia::flows
