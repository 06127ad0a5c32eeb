// The personal centre's security settings (seed 000 四、个人中心; seed 004 五、修改手机号码):
// change password (old password), change phone (login password proves it is you, an SMS code
// proves the new phone; a phone of another account is refused), delete the account (ID number +
// SMS code to the account's phone; sessions revoked, personal data erased, audit trail kept).
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse change_password(app::Services& services, const http::ApiRequest& request);       // PUT /api/v1/me/password
http::ApiResponse change_phone(app::Services& services, const http::ApiRequest& request);          // PUT /api/v1/me/phone
http::ApiResponse send_deletion_sms(app::Services& services, const http::ApiRequest& request);     // POST /api/v1/me/deletion/sms
http::ApiResponse delete_account(app::Services& services, const http::ApiRequest& request);        // DELETE /api/v1/me

}  // namespace uia::flows
