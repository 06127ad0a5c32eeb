#include "flows/oidc/enterprise_account.h"

#include "api/error_code.h"

namespace uia::flows::oidc {
namespace {

constexpr const char* kHint = "企业账号不能直接登录业务系统，请退出后以法定代表人或经办人身份登录";

}  // namespace

bool is_enterprise_account_session(const ActiveSession& session) {
  return session.person_id == 0 && session.acting.role == "enterprise";
}

bool is_enterprise_account_session(app::Services& services, const std::string& session_token) {
  ActiveSession session;
  if (session_token.empty() || find_session(services, session_token, session) != SessionLookup::Active) return false;
  return is_enterprise_account_session(session);
}

nlohmann::json enterprise_account_refusal() {
  return {{"code", std::string(code_name(ErrorCode::LoginMethodInvalid))}, {"reason", kEnterpriseAccountReason}, {"message", kHint}};
}

http::ApiResponse enterprise_account_refused() {
  http::ApiResponse out = http::ApiResponse::error(403, ErrorCode::LoginMethodInvalid);
  out.body["error"]["reason"] = kEnterpriseAccountReason;
  out.body["error"]["hint"] = kHint;
  return out;
}

}  // namespace uia::flows::oidc
