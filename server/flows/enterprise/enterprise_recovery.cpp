#include "flows/enterprise/enterprise_recovery.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/enterprise/enterprise_login.h"
#include "flows/self_service_flow.h"
#include "flows/sessions/session_store.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/account.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Enterprise;
constexpr int kRecoveryTtlSeconds = 15 * 60;
// self_service_flows.person_id holds the enterprise id for this kind.
constexpr const char* kKind = "enterprise_recover";
constexpr const char* kPurpose = "enterprise_recover";

ApiResponse sms_refusal(const SmsRequestResult& sent) {
  if (sent.error == ErrorCode::SmsRateLimited) return ApiResponse::error(429, sent.error).retry_after(sent.retry_after);
  return ApiResponse::error(503, sent.error);
}

}  // namespace

ApiResponse start_enterprise_recovery(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string identifier = fields.required("identifier");
  const std::string rep_name = fields.required("legal_rep_name");
  const std::string rep_id = normalize_document_number(fields.required("legal_rep_id_number"));
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  const ErrorCode captcha = services.db->with_session(
      [&](soci::session& sql) { return consume_captcha(services, sql, captcha_id, captcha_answer); });
  if (captcha != ErrorCode::Ok) return ApiResponse::error(400, captcha, "captcha_answer");
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);

  std::optional<Enterprise> found;
  std::optional<ApiResponse> refusal = services.db->transact([&](soci::session& sql) -> std::optional<ApiResponse> {
    found = enterprises.find_by_account_or_uscc(sql, identifier);
    // Seed 000: "如果不存在，提示用户当前企业账号不存在". An account never set up has no password
    // to recover (it is activated instead).
    if (!found || !found->password_hash || !found->phone) {
      record_audit(sql, now, {"anonymous", "enterprise.recover.start", "", request.client_ip, "denied", "ENTERPRISE_NOT_FOUND"});
      return ApiResponse::error(404, ErrorCode::EnterpriseNotFound, "identifier");
    }
    if (found->rep_name != rep_name || found->rep_id_number != rep_id) {
      record_audit(sql, now, {"anonymous", "enterprise.recover.start", "enterprise:" + std::to_string(found->id),
                              request.client_ip, "denied", "LEGAL_REP_MISMATCH"});
      return ApiResponse::error(400, ErrorCode::LegalRepMismatch, "legal_rep_id_number");
    }
    return std::nullopt;
  });
  if (refusal) return *refusal;
  const auto sent = send_sms_code(services, *found->phone, kPurpose, request.client_ip);
  if (sent.error != ErrorCode::Ok) return sms_refusal(sent);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const SelfServiceFlow flow = open_flow(services, sql, kKind, found->id, "code_sent", kRecoveryTtlSeconds, request.client_ip);
    record_audit(sql, now, {"anonymous", "enterprise.recover.start", "enterprise:" + std::to_string(found->id),
                            request.client_ip, "ok", mask_phone(*found->phone)});
    return ApiResponse::json(201, {{"recovery_id", flow.id},
                                   {"expires_in", kRecoveryTtlSeconds},
                                   {"phone", mask_phone(*found->phone)},
                                   {"resend_after", sent.resend_after}});
  });
}

ApiResponse finish_enterprise_recovery(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string code = fields.required("sms_code");
  const std::string new_password = fields.required("new_password");
  if (fields.failed()) return fields.error();
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const std::string flow_id = request.params.at("id");
  const auto enterprise = services.db->with_session([&](soci::session& sql) -> std::optional<Enterprise> {
    const auto flow = find_flow(services, sql, flow_id, kKind);
    if (!flow) return std::nullopt;
    return enterprises.find_by_id(sql, flow->person_id);
  });
  if (!enterprise || !enterprise->phone) return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
  if (Verdict v = check_password(new_password, enterprise->account.value_or(""), services.profile().password); !v.ok())
    return ApiResponse::error(400, v, "new_password");
  const std::string hash = services.passwords->hash(new_password);
  if (hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, *enterprise->phone, kPurpose, code, SmsCodeUse::Consume);
        e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    auto current = enterprises.find_by_id(sql, enterprise->id);
    if (!current) return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
    current->password_hash = hash;
    current->updated_at = now;
    enterprises.update(sql, *current);
    revoke_enterprise_sessions(services, sql, current->id);
    // A recovered account starts without the lock its forgotten password may have earned.
    const std::string by_uscc = enterprise_login_subject(services, current->uscc);
    const std::string by_account = enterprise_login_subject(services, current->account.value_or(""));
    sql << "DELETE FROM login_failures WHERE subject_key IN (:a, :b)", soci::use(by_uscc), soci::use(by_account);
    close_flow(sql, flow_id);
    const std::string target = "enterprise:" + std::to_string(current->id);
    record_audit(sql, now, {target, "enterprise.recover", target, request.client_ip, "ok", "sms"});
    return ApiResponse::no_content();
  });
}

}  // namespace uia::flows
