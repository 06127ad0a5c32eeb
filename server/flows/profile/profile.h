// The personal centre's own record (seed 000 四、1 (1) 账号信息 and (2) 基本信息; seed 002 六):
//  - GET  /api/v1/me/profile: everything the centre shows, masked like /me, plus validity dates,
//    basic information, whether an e-mail is bound and security questions are set, and the
//    real-name level with its label. (GET /api/v1/me stays exactly as the contract fixes it.)
//  - PUT  /api/v1/me/profile: change basic information, the ID validity dates (the rules of
//    registration, shared/policy/id_validity.h), and the name. A name is what the police check
//    tied to the ID number, so a new name for a document the police service can check must pass
//    that check again (the level is kept; a mismatch changes nothing); for documents reviewed by
//    staff the new name cannot be checked and the level drops to 1 until reviewed again. Name
//    checks are limited to 5 a day per person. The account name never changes (ACCOUNT_IMMUTABLE).
//  - GET  /api/v1/profile/options: the pickers' lists.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse get_profile(app::Services& services, const http::ApiRequest& request);
http::ApiResponse update_profile(app::Services& services, const http::ApiRequest& request);
http::ApiResponse profile_options(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
