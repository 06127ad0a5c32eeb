#include "flows/login/login.h"

#include <soci/soci.h>

#include "flows/activation/activation.h"
#include "flows/agents/agent_login.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/document_upload.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/enterprise/enterprise_login.h"
#include "flows/login/login_throttle.h"
#include "flows/login/person_session.h"
#include "flows/login/sign_in_identifier.h"
#include "flows/sessions/session_store.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/contact.h"
#include "privacy/mask.h"
#include "store/person_repository.h"
#include "store/review_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;
using store::PersonStatus;

// The right credentials for an account that cannot sign in yet: the answer says what the
// person can do next, so the client can offer it (the code stays ACCOUNT_NOT_ACTIVE).
ApiResponse not_active(app::Services& services, soci::session& sql, const Person& person, long long now) {
  ApiResponse out = ApiResponse::error(403, ErrorCode::AccountNotActive);
  out.body["error"]["status"] = store::status_name(person.status);
  auto& error = out.body["error"];
  switch (person.status) {
    case PersonStatus::PendingFace: error["next"] = "face_check"; break;  // POST /api/v1/face/checks
    case PersonStatus::PendingActivation: error["next"] = "activate"; break;
    case PersonStatus::PendingReview:
      // A fresh upload token: the one from registration may have expired before the upload.
      error["next"] = "upload_documents";
      error["upload_token"] = issue_upload_token(services, sql, person.id, now);
      error["person_id"] = person.id;
      break;
    case PersonStatus::Rejected:
      error["next"] = "register_again";
      if (auto decision = store::ReviewRepository().latest(sql, person.id)) error["reason"] = decision->reason;
      break;
    default: break;
  }
  return out;
}

ApiResponse password_sign_in(app::Services& services, const http::ApiRequest& request, http::JsonFields& fields) {
  const std::string identifier = fields.required("identifier");
  const std::string password = fields.required("password");
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  // The lock is keyed by what was typed, case-folded as document numbers are.
  const std::string subject = (*services.blind_index)("login", normalize_document_number(identifier));
  store::PersonRepository persons(*services.cipher, *services.blind_index);

  // The throttle and the captcha first (their own statements: a spent captcha stays spent), then
  // the identifier's turn under its key lock.
  if (auto refusal = throttle_and_captcha(services, request.client_ip, captcha_id, captcha_answer, now)) return *refusal;
  const Turn turn = take_turn(services, subject, request.client_ip, now);
  if (turn.refusal) return *turn.refusal;
  const auto found = services.db->with_session([&](soci::session& sql) { return find_by_identifier(sql, persons, identifier, services.profile()); });

  // Hash even when nobody matched, so the answer takes as long either way.
  static const std::string kDecoyHash = services.passwords->hash("decoy-password-for-timing");
  const bool known = found && found->password_hash && found->status != PersonStatus::Deleted;
  const bool password_ok = services.passwords->verify(known ? *found->password_hash : kDecoyHash, password) && known;

  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (!password_ok) {
      record_audit(sql, now, {"anonymous", "session.login", "", request.client_ip, "denied", "CREDENTIALS_INVALID"});
      if (long long wait = count_failure(services, sql, subject, turn.attempt, now); wait > 0) return locked_answer(wait);
      return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    }
    const Person& person = *found;
    if (person.status != PersonStatus::Active) {
      // The right password is no failure, whatever the account's status.
      forgive_attempt(sql, turn.attempt);
      return not_active(services, sql, person, now);
    }
    clear_failures(services, sql, subject, turn.attempt, now);
    if (services.passwords->needs_rehash(*person.password_hash)) {
      persons.update_password(sql, person.id, services.passwords->hash(password), now);
    }
    return issue_person_session(services, sql, person, request, "password", now);
  });
}

ApiResponse sms_sign_in(app::Services& services, const http::ApiRequest& request, http::JsonFields& fields) {
  const std::string phone = fields.required("phone");
  const std::string code = fields.required("sms_code");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, phone, "login", code, SmsCodeUse::Consume); e != ErrorCode::Ok) {
      record_audit(sql, now, {"anonymous", "session.login", "", request.client_ip, "denied", std::string(code_name(e))});
      return ApiResponse::error(400, e, "sms_code");
    }
    const auto person = persons.find_by_phone(sql, phone);
    if (!person || person->status == PersonStatus::Deleted) return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    if (person->status == PersonStatus::PendingActivation)
      return first_sign_in_of_imported(services, sql, *person, request.client_ip);
    if (person->status != PersonStatus::Active) return not_active(services, sql, *person, now);
    return issue_person_session(services, sql, *person, request, "sms", now);
  });
}

}  // namespace

ApiResponse sign_in(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string method = fields.required("method");
  if (fields.failed()) return fields.error();
  // The profile decides which sign-ins exist: 短信验证码登录 (003), enterprises' own accounts
  // (not 002/004, where enterprises act through persons), 代理登录 (000, 001; 002/003 switch
  // identity after a person's sign-in instead).
  const Profile& profile = services.profile();
  if (method == "password") return password_sign_in(services, request, fields);
  if (method == "sms" && profile_lists(profile.login_methods, "sms")) return sms_sign_in(services, request, fields);
  if (method == "enterprise_password" && !profile.organisation_types.empty())
    return enterprise_password_sign_in(services, request, fields);
  if (method == "agent_password" && profile.agent_credential == "own_password")
    return agent_password_sign_in(services, request, fields);
  return ApiResponse::error(400, ErrorCode::LoginMethodInvalid, "method");
}

}  // namespace uia::flows
