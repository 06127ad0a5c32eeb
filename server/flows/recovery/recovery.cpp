#include "flows/recovery/recovery.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/self_service_flow.h"
#include "flows/sessions/session_store.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/account.h"
#include "privacy/mask.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
constexpr int kRecoveryTtlSeconds = 15 * 60;
constexpr const char* kKind = "recover";

}  // namespace

ApiResponse start_recovery(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string name = fields.required("name");
  const std::string id_number = normalize_document_number(fields.required("id_number"));
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  // The captcha is spent on its own (autocommit), then one write transaction opens the flow.
  const ErrorCode captcha = services.db->with_session(
      [&](soci::session& sql) { return consume_captcha(services, sql, captcha_id, captcha_answer); });
  if (captcha != ErrorCode::Ok) return ApiResponse::error(400, captcha, "captcha_answer");
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto person = persons.find_by_any_id_number(sql, id_number);
    // Name and number must both match, as the seeds' recovery pages ask.
    if (!person || person->name != name || person->status == store::PersonStatus::Deleted || !person->phone) {
      record_audit(sql, now, {"anonymous", "password.recover.start", "", request.client_ip, "denied", "PERSON_NOT_FOUND"});
      return ApiResponse::error(404, ErrorCode::PersonNotFound, "id_number");
    }
    const SelfServiceFlow flow = open_flow(services, sql, kKind, person->id, "identified", kRecoveryTtlSeconds, request.client_ip);
    record_audit(sql, now, {"person:" + std::to_string(person->id), "password.recover.start",
                            "person:" + std::to_string(person->id), request.client_ip, "ok", ""});
    return ApiResponse::json(201, {{"recovery_id", flow.id}, {"phone", mask_phone(*person->phone)},
                                   {"expires_in", kRecoveryTtlSeconds}});
  });
}

ApiResponse send_recovery_sms(app::Services& services, const http::ApiRequest& request) {
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  std::optional<std::string> phone = services.db->with_session([&](soci::session& sql) -> std::optional<std::string> {
    const auto flow = find_flow(services, sql, request.params.at("id"), kKind);
    if (!flow) return std::nullopt;
    const auto person = persons.find_by_id(sql, flow->person_id);
    return person ? person->phone : std::nullopt;
  });
  if (!phone) return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
  const auto sent = send_sms_code(services, *phone, "recover", request.client_ip);
  if (sent.error == ErrorCode::SmsRateLimited) return ApiResponse::error(429, sent.error).retry_after(sent.retry_after);
  if (sent.error != ErrorCode::Ok) return ApiResponse::error(503, sent.error);
  return ApiResponse::json(202, {{"expires_in", sent.expires_in}, {"resend_after", sent.resend_after},
                                 {"phone", mask_phone(*phone)}});
}

ApiResponse finish_recovery(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string code = fields.required("sms_code");
  const std::string new_password = fields.required("new_password");
  if (fields.failed()) return fields.error();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto person = services.db->with_session([&](soci::session& sql) -> std::optional<store::Person> {
    const auto flow = find_flow(services, sql, request.params.at("id"), kKind);
    return flow ? persons.find_by_id(sql, flow->person_id) : std::nullopt;
  });
  if (!person || !person->phone) return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
  if (Verdict v = check_password(new_password, person->account.value_or("")); !v.ok())
    return ApiResponse::error(400, v, "new_password");
  const std::string hash = services.passwords->hash(new_password);
  if (hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, *person->phone, "recover", code, SmsCodeUse::Consume); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    persons.update_password(sql, person->id, hash, now);
    revoke_all_sessions(services, sql, person->id);
    // A recovered account starts without the lock its forgotten password may have earned.
    const std::string by_account = (*services.blind_index)("login", normalize_document_number(person->account.value_or("")));
    const std::string by_phone = (*services.blind_index)("login", normalize_document_number(*person->phone));
    sql << "DELETE FROM login_failures WHERE subject_key IN (:a, :b)", soci::use(by_account), soci::use(by_phone);
    close_flow(sql, request.params.at("id"));
    record_audit(sql, now, {"person:" + std::to_string(person->id), "password.recover", "person:" + std::to_string(person->id),
                            request.client_ip, "ok", ""});
    return ApiResponse::no_content();
  });
}

}  // namespace uia::flows
