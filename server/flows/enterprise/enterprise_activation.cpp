#include "flows/enterprise/enterprise_activation.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/enterprise/enterprise_fields.h"
#include "flows/enterprise/legal_representative.h"
#include "flows/enterprise/registry_check.h"
#include "flows/self_service_flow.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "privacy/mask.h"
#include "ports/business_registry_simulator.h"
#include "store/enterprise_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Enterprise;
using store::EnterpriseStatus;
constexpr int kActivationTtlSeconds = 30 * 60;
// self_service_flows.person_id holds the enterprise id for this kind.
constexpr const char* kKind = "enterprise_activate";
constexpr const char* kPurpose = "enterprise_activate";
constexpr const char* kStepCodeSent = "code_sent";
constexpr const char* kStepPhoneProven = "phone_proven";

std::string target_of(long long id) { return "enterprise:" + std::to_string(id); }

// The live flow of `request` at `step` and its enterprise, still waiting for activation.
struct Activation {
  SelfServiceFlow flow;
  Enterprise enterprise;
};
std::optional<Activation> find_activation(app::Services& services, soci::session& sql, const std::string& id,
                                          const char* step) {
  const auto flow = find_flow(services, sql, id, kKind);
  if (!flow || flow->step != step) return std::nullopt;
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  auto e = enterprises.find_by_id(sql, flow->person_id);
  if (!e || e->status != EnterpriseStatus::PendingActivation) return std::nullopt;
  return Activation{*flow, *e};
}

}  // namespace

ApiResponse start_enterprise_activation(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string uscc = fields.required("uscc");
  const std::string name = fields.required("name");
  const std::string phone = fields.required("phone");
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  LegalRepInput rep;
  if (auto refusal = read_legal_rep(services, fields, rep)) return *refusal;
  if (auto refusal = check_enterprise_uscc(uscc)) return *refusal;
  if (auto refusal = check_enterprise_name(name)) return *refusal;
  if (Verdict v = check_phone(phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  const long long now = services.now_seconds();
  const ErrorCode captcha = services.db->with_session(
      [&](soci::session& sql) { return consume_captcha(services, sql, captcha_id, captcha_answer); });
  if (captcha != ErrorCode::Ok) return ApiResponse::error(400, captcha, "captcha_answer");
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);

  std::optional<Enterprise> found;
  std::optional<long long> representative;
  std::optional<ApiResponse> refusal = services.db->with_session([&](soci::session& sql) -> std::optional<ApiResponse> {
    found = enterprises.find_by_uscc(sql, uscc);
    if (!found || found->status != EnterpriseStatus::PendingActivation)
      return ApiResponse::error(404, ErrorCode::EnterpriseNotFound, "uscc");
    if (found->name != name) return ApiResponse::error(400, ErrorCode::RegistryMismatch, "name");
    if (found->rep_name != rep.name || found->rep_id_number != rep.id_number)
      return ApiResponse::error(400, ErrorCode::LegalRepMismatch, "legal_rep_id_number");
    auto person = find_legal_rep(services, sql, rep);
    if (auto* no = std::get_if<ApiResponse>(&person)) return *no;
    representative = std::get<store::Person>(person).id;
    return std::nullopt;
  });
  if (refusal) return *refusal;
  const ports::RegistryAnswer registry = ask_registry(services, registry_query_of(*found));
  if (registry.verdict == ports::RegistryVerdict::Mismatch)
    return ApiResponse::error(400, ErrorCode::RegistryMismatch, "name");

  const auto sent = send_sms_code(services, phone, kPurpose, request.client_ip);
  if (sent.error == ErrorCode::SmsRateLimited) return ApiResponse::error(429, sent.error).retry_after(sent.retry_after);
  if (sent.error != ErrorCode::Ok) return ApiResponse::error(503, sent.error);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto e = enterprises.find_by_id(sql, found->id);
    if (!e || e->status != EnterpriseStatus::PendingActivation)
      return ApiResponse::error(404, ErrorCode::EnterpriseNotFound, "uscc");
    // What this step learnt: who represents it, and what the registry confirms.
    e->rep_person_id = representative;
    if (registry.verdict == ports::RegistryVerdict::Confirmed) {
      e->registry = registry.entry;
      e->registry_confirmed = true;
    }
    e->registry_checked_at = now;
    e->updated_at = now;
    enterprises.update(sql, *e);
    const SelfServiceFlow flow = open_flow(services, sql, kKind, e->id, kStepCodeSent, kActivationTtlSeconds, request.client_ip);
    record_audit(sql, now, {"person:" + std::to_string(*representative), "enterprise.activate.start", target_of(e->id),
                            request.client_ip, "ok", mask_phone(phone)});
    return ApiResponse::json(201, {{"activation_id", flow.id},
                                   {"expires_in", kActivationTtlSeconds},
                                   {"phone", mask_phone(phone)},
                                   {"resend_after", sent.resend_after}});
  });
}

ApiResponse verify_enterprise_activation_sms(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string phone = fields.required("phone");
  const std::string code = fields.required("sms_code");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto activation = find_activation(services, sql, request.params.at("id"), kStepCodeSent);
    if (!activation) return ApiResponse::error(404, ErrorCode::FlowExpired, "activation_id");
    // The code is bound to phone + purpose: a right code proves this phone.
    if (ErrorCode e = verify_sms_code(services, sql, phone, kPurpose, code, SmsCodeUse::Consume); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    Enterprise& e = activation->enterprise;
    e.phone = phone;
    e.updated_at = now;
    enterprises.update(sql, e);
    advance_flow(sql, activation->flow.id, kStepPhoneProven);
    record_audit(sql, now, {"anonymous", "enterprise.activate.sms", target_of(e.id), request.client_ip, "ok",
                            mask_phone(phone)});
    return ApiResponse::json(200, {{"activation_id", activation->flow.id}, {"next", "account"}});
  });
}

ApiResponse finish_enterprise_activation(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string account = fields.required("account");
  const std::string password = fields.required("password");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_account_name(account, services.profile().account_name); !v.ok()) return ApiResponse::error(400, v, "account");
  if (Verdict v = check_password(password, account, services.profile().password); !v.ok()) return ApiResponse::error(400, v, "password");
  const std::string hash = services.passwords->hash(password);
  if (hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const long long now = services.now_seconds();
  const auto activate = [&](soci::session& sql) -> ApiResponse {
    auto activation = find_activation(services, sql, request.params.at("id"), kStepPhoneProven);
    if (!activation) return ApiResponse::error(404, ErrorCode::FlowExpired, "activation_id");
    if (enterprises.find_by_account(sql, account)) return ApiResponse::error(409, ErrorCode::AccountTaken, "account");
    Enterprise& e = activation->enterprise;
    e.account = account;
    e.password_hash = hash;
    e.status = e.registry_confirmed ? EnterpriseStatus::Active : EnterpriseStatus::Unverified;
    e.updated_at = now;
    enterprises.update(sql, e);
    close_flow(sql, activation->flow.id);
    record_audit(sql, now, {target_of(e.id), "enterprise.activate", target_of(e.id), request.client_ip, "ok",
                            std::string(store::enterprise_status_name(e.status))});
    return ApiResponse::json(200, {{"enterprise_id", e.id}, {"account", account},
                                   {"status", store::enterprise_status_name(e.status)}});
  };
  try {
    return services.db->transact(activate);
  } catch (const soci::soci_error&) {
    // A concurrent activation or registration took the account name first.
    return ApiResponse::error(409, ErrorCode::AccountTaken, "account");
  }
}

ApiResponse dev_import_enterprise(app::Services& services, const http::ApiRequest& request) {
  if (!services.ports.registry_simulator) return ApiResponse::error(404, ErrorCode::NotFound);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  Enterprise e;
  e.uscc = fields.required("uscc");
  e.name = fields.required("name");
  e.org_type = fields.optional("org_type").value_or("enterprise");
  LegalRepInput rep;
  if (auto refusal = read_legal_rep(services, fields, rep)) return *refusal;
  if (auto refusal = check_enterprise_identity(services.profile(), e.org_type, e.name, e.uscc)) return *refusal;
  e.rep_name = rep.name;
  e.rep_id_type = rep.id_type;
  e.rep_id_number = rep.id_number;
  e.status = EnterpriseStatus::PendingActivation;
  e.created_at = e.updated_at = services.now_seconds();
  services.ports.registry_simulator->seed(
      e.uscc, {e.name, e.rep_name, e.rep_id_number, ports::BusinessRegistrySimulator::generated_entry(e.name)});
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (enterprises.find_by_uscc(sql, e.uscc)) return ApiResponse::error(409, ErrorCode::UsccRegistered, "uscc");
    const long long id = enterprises.insert(sql, e);
    record_audit(sql, e.created_at, {"system", "enterprise.import", target_of(id), request.client_ip, "ok", "dev"});
    return ApiResponse::json(201, {{"enterprise_id", id}, {"status", "pending_activation"}});
  });
}

}  // namespace uia::flows
