// Activating an account imported from another system (`uia import persons`, status
// pending_activation; seeds 004 二、账号激活 and H): (1) ID number + phone + SMS code sent to that
// phone (purpose "activate"); a person whose phone changed since the import gives their name as
// well, passes the real-name check and proves the new phone the same way; (2) choose an account
// name and password, and the account is active.
// First sign-in of an imported account (seed 003 场景 2: 数据清洗融合过来的账号，首次登录时会进入信息补充页面):
// an SMS-code sign-in of a pending_activation person proves the phone like step (1) does and
// opens the same activation flow; step (2) then also asks for what the import lacked (ID validity
// dates of an adult's resident card), with the same rules as registration.
#pragma once
#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"
#include "store/person.h"

namespace uia::flows {

http::ApiResponse verify_activation(app::Services& services, const http::ApiRequest& request);   // POST /api/v1/activation
http::ApiResponse finish_activation(app::Services& services, const http::ApiRequest& request);   // POST .../{id}/account
http::ApiResponse describe_activation(app::Services& services, const http::ApiRequest& request); // GET /api/v1/activation/{id}

// The answer to an SMS sign-in of a pending_activation person: 403 ACCOUNT_NOT_ACTIVE with
// "next": "complete_profile", an activation_id and the fields still missing. Inside a transaction.
http::ApiResponse first_sign_in_of_imported(app::Services& services, soci::session& sql, const store::Person& person,
                                            const std::string& client_ip);

}  // namespace uia::flows
