// An enterprise account's own session (法人登录: the USCC or account name and the enterprise's
// password) does not sign in to business systems. A token has to name an accountable natural
// person: the enterprise password may be shared by several staff, the subject, consent and
// logout of the provider belong to persons, and the same enterprise reaches a business system
// through its legal representative or an agent (the uia_enterprise claims name the enterprise,
// see enterprise_claims.h). /oidc/authorize therefore sends such a browser to the login page
// (prompt=none: login_required), the request description tells the page why, and a consent
// decision made in that session is refused with a structured 403.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "flows/sessions/session_store.h"
#include "http/api.h"

namespace uia::flows::oidc {

// error_description of the OAuth error (prompt=none) and the login page's reason parameter.
constexpr const char* kEnterpriseAccountDescription =
    "an enterprise account cannot sign in to a business system; sign in as its legal representative or an agent";
constexpr const char* kEnterpriseAccountReason = "enterprise_account";

// True for an active session of an enterprise account itself (role "enterprise", no person).
bool is_enterprise_account_session(app::Services& services, const std::string& session_token);
bool is_enterprise_account_session(const ActiveSession& session);
// {"code": "LOGIN_METHOD_INVALID", "reason": "enterprise_account", "message": zh-CN} for pages.
nlohmann::json enterprise_account_refusal();
// 403 LOGIN_METHOD_INVALID, the error object carrying reason and a zh-CN hint.
http::ApiResponse enterprise_account_refused();

}  // namespace uia::flows::oidc
