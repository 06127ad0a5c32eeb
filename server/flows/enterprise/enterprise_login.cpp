#include "flows/enterprise/enterprise_login.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/back_office/account_freeze.h"
#include "flows/login/login_throttle.h"
#include "flows/sessions/session_store.h"
#include "store/enterprise_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Enterprise;
using store::EnterpriseStatus;

// The right credentials (or, for an account never set up, the right identifier) of an
// enterprise that cannot sign in yet: the answer says what to do next.
ApiResponse not_active(const Enterprise& e) {
  ApiResponse out = ApiResponse::error(403, ErrorCode::AccountNotActive);
  auto& error = out.body["error"];
  error["status"] = store::enterprise_status_name(e.status);
  switch (e.status) {
    case EnterpriseStatus::PendingActivation: error["next"] = "activate"; break;  // POST /api/v1/enterprises/activation
    case EnterpriseStatus::Unverified: error["next"] = "wait_for_registry"; break;  // re-checked periodically
    case EnterpriseStatus::PendingFace: error["next"] = "face_check"; break;
    case EnterpriseStatus::RegistryMismatch: error["next"] = "appeal"; break;
    case EnterpriseStatus::Active: break;
  }
  return out;
}

}  // namespace

std::string enterprise_login_subject(const app::Services& services, const std::string& identifier) {
  std::string folded = identifier;
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (*services.blind_index)("enterprise_login", folded);
}

ApiResponse enterprise_password_sign_in(app::Services& services, const http::ApiRequest& request,
                                        http::JsonFields& fields) {
  const std::string identifier = fields.required("identifier");
  const std::string password = fields.required("password");
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  const std::string subject = enterprise_login_subject(services, identifier);
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);

  if (auto refusal = throttle_and_captcha(services, request.client_ip, captcha_id, captcha_answer, now)) return *refusal;
  const Turn turn = take_turn(services, subject, request.client_ip, now);
  if (turn.refusal) return *turn.refusal;
  const auto found = services.db->with_session(
      [&](soci::session& sql) { return enterprises.find_by_account_or_uscc(sql, identifier); });

  // An enterprise the registry knows but nobody set up has no password to check: whatever was
  // typed, the answer is "activate first" (seed 000 五.1: 用户登录或注册时提醒用户是待激活状态).
  if (found && found->status == EnterpriseStatus::PendingActivation) {
    services.db->transact([&](soci::session& sql) { forgive_attempt(sql, turn.attempt); });
    return not_active(*found);
  }
  // Hash even when nothing matched, so the answer takes as long either way.
  static const std::string kDecoyHash = services.passwords->hash("decoy-password-for-timing");
  const bool known = found && found->password_hash;
  const bool password_ok = services.passwords->verify(known ? *found->password_hash : kDecoyHash, password) && known;

  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (!password_ok) {
      record_audit(sql, now, {"anonymous", "session.login", "", request.client_ip, "denied", "CREDENTIALS_INVALID"});
      if (long long wait = count_failure(services, sql, subject, turn.attempt, now); wait > 0) return locked_answer(wait);
      return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    }
    const Enterprise& e = *found;
    if (e.status != EnterpriseStatus::Active) {
      forgive_attempt(sql, turn.attempt);
      return not_active(e);
    }
    clear_failures(services, sql, subject, turn.attempt, now);
    if (enterprise_frozen(sql, e.id)) {
      record_audit(sql, now, {"enterprise:" + std::to_string(e.id), "session.login", "", request.client_ip, "denied",
                              "ACCOUNT_FROZEN"});
      return frozen_refusal();
    }
    if (services.passwords->needs_rehash(*e.password_hash)) {
      Enterprise rehashed = e;
      rehashed.password_hash = services.passwords->hash(password);
      rehashed.updated_at = now;
      store::EnterpriseRepository(*services.cipher, *services.blind_index).update(sql, rehashed);
    }
    const NewSession session =
        create_acting_session(services, sql, 0, {e.id, "enterprise"}, request.client_ip, request.user_agent);
    const std::string actor = "enterprise:" + std::to_string(e.id);
    record_audit(sql, now, {actor, "session.login", "session:" + std::to_string(session.id), request.client_ip, "ok",
                            "enterprise_password"});
    ApiResponse out = ApiResponse::json(
        201, {{"token", session.token},
              {"expires_in", session.expires_in},
              {"csrf_token", session.csrf_token},
              {"subject",
               {{"type", "enterprise"}, {"enterprise_id", e.id}, {"name", e.name}, {"uscc", e.uscc},
                {"acting_role", "enterprise"}}}});
    out.session_cookie = http::SessionCookie{session.token, services.limits.session_absolute_seconds, !services.dev_mode};
    return out;
  });
}

}  // namespace uia::flows
