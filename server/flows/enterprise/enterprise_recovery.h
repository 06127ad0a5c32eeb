// Enterprise password recovery through the legal representative's reserved phone (seed 000
// 企业忘记密码: ①确认账号 ②短信验证 ③设置新密码):
//   POST /api/v1/enterprises/recovery {identifier (account | USCC), legal_rep_name,
//        legal_rep_id_number, captcha_id, captcha_answer}
//        -> 201 {recovery_id, phone (masked), expires_in}; an "enterprise_recover" code goes to
//        the phone the enterprise registered (ENTERPRISE_NOT_FOUND when no account matches)
//   POST /api/v1/enterprises/recovery/{id}/password {sms_code, new_password} -> 204
// The new password ends every session acting for the enterprise and lifts its sign-in lock.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse start_enterprise_recovery(app::Services& services, const http::ApiRequest& request);
http::ApiResponse finish_enterprise_recovery(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
