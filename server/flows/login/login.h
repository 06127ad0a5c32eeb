// Signing in (POST /api/v1/sessions): "password" with account, phone or ID number + password +
// graphic captcha, or "sms" with phone + SMS code. Wrong credentials get the same answer whether
// the account exists or not; 5 failures in 15 minutes lock the identifier for 30 minutes (the
// lock is keyed by what was typed, so unknown identifiers lock too and reveal nothing); each
// client IP is throttled as well.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse sign_in(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
