// Activating an enterprise the platform knows from the business registry but that was never set
// up (status pending_activation: no account or password; seed 000 五.1 企业账号激活, seed J):
// ①enterprise info, ②SMS code, ③account name and password.
//   POST /api/v1/enterprises/activation {uscc, name, legal_rep_name, legal_rep_id_type?,
//        legal_rep_id_number, phone, captcha_id, captcha_answer}
//        -> 201 {activation_id, phone (masked), expires_in}: the details match the record, the
//        representative is a real-name person, the registry does not contradict them; an
//        "enterprise_activate" code goes to `phone`, the future contact phone
//   POST /api/v1/enterprises/activation/{id}/sms {phone, sms_code} -> 200 {next: "account"}
//   POST /api/v1/enterprises/activation/{id}/account {account, password} -> 200 {enterprise_id, status}
//        status active when the registry confirmed the four elements, unverified otherwise
//        (then re-checked periodically like a registration)
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse start_enterprise_activation(app::Services& services, const http::ApiRequest& request);
http::ApiResponse verify_enterprise_activation_sms(app::Services& services, const http::ApiRequest& request);
http::ApiResponse finish_enterprise_activation(app::Services& services, const http::ApiRequest& request);

// Dev mode only: POST /api/dev/enterprises {uscc, name, org_type?, legal_rep_name,
// legal_rep_id_type?, legal_rep_id_number} makes an enterprise the registry knows (seeded into
// the simulator) but nobody set up (pending_activation), as a registry import would: the
// starting point of an activation in the browser.
http::ApiResponse dev_import_enterprise(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
