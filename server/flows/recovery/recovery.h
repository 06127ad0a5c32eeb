// Forgotten password (seed 000 三、忘记密码; seed 001): (1) name + ID number + captcha find the
// account and show its phone masked, (2) an SMS code goes to that phone, (3) the code and a new
// password finish it; every session of the account is revoked. The flow's state lives in
// self_service_flows for 15 minutes, so any node can serve any step.
//
// Seed 002 七、密碼找回 adds two more ways where the person set them up: a code sent to the
// verified e-mail address, and the three security questions (five wrong tries a day lock that
// way for the person; the phone and e-mail stay open). Step 1 lists the person's "methods";
// step 3 takes {"method": "sms" (default) | "email" | "security_questions", ...}.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse start_recovery(app::Services& services, const http::ApiRequest& request);     // POST /api/v1/recovery
http::ApiResponse send_recovery_sms(app::Services& services, const http::ApiRequest& request);  // POST .../{id}/sms
http::ApiResponse send_recovery_email(app::Services& services, const http::ApiRequest& request);  // POST .../{id}/email
http::ApiResponse finish_recovery(app::Services& services, const http::ApiRequest& request);    // POST .../{id}/password

}  // namespace uia::flows
