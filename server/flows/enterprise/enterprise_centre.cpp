#include "flows/enterprise/enterprise_centre.h"

#include <functional>
#include <optional>

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/enterprise/enterprise_fields.h"
#include "flows/enterprise/legal_representative.h"
#include "flows/enterprise/registry_check.h"
#include "flows/enterprise/signed_in_enterprise.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/sessions/session_store.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "http/rfc3339.h"
#include "ids/documents.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Enterprise;

std::string target_of(const Enterprise& e) { return "enterprise:" + std::to_string(e.id); }

nlohmann::json text_or_null(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }
nlohmann::json text_or_null(const std::optional<std::string>& text) { return text ? nlohmann::json(*text) : nlohmann::json(); }

nlohmann::json describe(const Enterprise& e) {
  const auto& r = e.registry;
  return {{"enterprise_id", e.id},
          {"account", text_or_null(e.account)},
          {"uscc", e.uscc},
          {"name", e.name},
          {"org_type", e.org_type},
          {"status", store::enterprise_status_name(e.status)},
          {"registry_confirmed", e.registry_confirmed},
          {"phone", e.phone ? mask_phone(*e.phone) : ""},
          {"legal_rep",
           {{"name", mask_name(e.rep_name)},
            {"id_type", e.rep_id_type},
            {"id_number", mask_id_number(e.rep_id_number)},
            {"id_valid_from", text_or_null(e.rep_id_valid_from)},
            {"id_valid_to", text_or_null(e.rep_id_valid_to)}}},
          {"extended",
           {{"registered_address", text_or_null(r.registered_address)},
            {"registered_capital", text_or_null(r.registered_capital)},
            {"established_date", text_or_null(r.established_date)},
            {"business_term", text_or_null(r.business_term)},
            {"business_scope", text_or_null(r.business_scope)},
            {"industry", text_or_null(r.industry)},
            {"business_status", text_or_null(r.business_status)},
            {"registration_authority", text_or_null(r.registration_authority)}}},
          {"created_at", http::format_rfc3339(e.created_at)}};
}

// The refusal of a registry answer that is not a confirmation of a change.
ApiResponse registry_refusal(ports::RegistryVerdict verdict, const char* field) {
  if (verdict == ports::RegistryVerdict::Mismatch) return ApiResponse::error(400, ErrorCode::RegistryMismatch, field);
  return ApiResponse::error(503, ErrorCode::RegistryUnavailable);
}

// Writes `changed` if the row is still as `seen` (no other change slipped in), with an audit entry.
// `precondition` runs first in the same transaction (e.g. spending an SMS code); a refusal from it
// leaves everything as it was.
ApiResponse save(app::Services& services, const EnterpriseCaller& caller, const Enterprise& changed,
                 const std::string& action, const std::string& detail, const std::string& client_ip,
                 const std::function<std::optional<ApiResponse>(soci::session&)>& precondition = nullptr) {
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (precondition) {
      if (auto refusal = precondition(sql)) return *refusal;
    }
    const auto current = enterprises.find_by_id(sql, changed.id);
    if (!current || current->updated_at != caller.enterprise.updated_at)
      return ApiResponse::error(409, ErrorCode::FlowExpired);  // changed meanwhile: reload and retry
    Enterprise next = changed;
    next.updated_at = now;
    enterprises.update(sql, next);
    std::string outcome = detail;
    // A former representative's sign-ins at business systems end with the change, not at their
    // next use (flows/oidc/enterprise_claims.h).
    if (current->rep_person_id && current->rep_person_id != next.rep_person_id)
      outcome += " oidc_families=" + std::to_string(oidc::revoke_families_of_representative(
                                         sql, next.id, *current->rep_person_id, now, "legal_rep_changed"));
    record_audit(sql, now, {caller.actor(), action, target_of(next), client_ip, "ok", outcome}, caller.acting_for());
    return ApiResponse::json(200, describe(next));
  });
}

}  // namespace

ApiResponse get_enterprise(app::Services& services, const http::ApiRequest& request) {
  // Every role that acts for an enterprise may read; changes are the enterprise account's own.
  auto who = signed_in_enterprise(services, request, {"enterprise", "legal_rep", "admin", "agent"});
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  return ApiResponse::json(200, describe(std::get<EnterpriseCaller>(who).enterprise));
}

ApiResponse change_enterprise_password(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_enterprise(services, request, {"enterprise"});
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const EnterpriseCaller& caller = std::get<EnterpriseCaller>(who);
  const Enterprise& e = caller.enterprise;
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string old_password = fields.required("old_password");
  const std::string new_password = fields.required("new_password");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  if (!e.password_hash || !services.passwords->verify(*e.password_hash, old_password)) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {caller.actor(), "enterprise.password.change", target_of(e), request.client_ip, "denied",
                              "PASSWORD_WRONG"}, caller.acting_for());
    });
    return ApiResponse::error(400, ErrorCode::PasswordWrong, "old_password");
  }
  if (old_password == new_password) return ApiResponse::error(400, ErrorCode::PasswordUnchanged, "new_password");
  if (Verdict v = check_password(new_password, e.account.value_or(""), services.profile().password); !v.ok())
    return ApiResponse::error(400, v, "new_password");
  Enterprise changed = e;
  changed.password_hash = services.passwords->hash(new_password);
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  services.db->transact([&](soci::session& sql) {
    changed.updated_at = now;
    enterprises.update(sql, changed);
    // Every session acting for the enterprise ends: whoever knew the old password is out.
    revoke_enterprise_sessions(services, sql, e.id);
    record_audit(sql, now, {caller.actor(), "enterprise.password.change", target_of(e), request.client_ip, "ok", ""}, caller.acting_for());
  });
  ApiResponse out = ApiResponse::no_content();
  out.session_cookie = http::SessionCookie{"", 0, !services.dev_mode};
  return out;
}

ApiResponse change_enterprise_phone(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_enterprise(services, request, {"enterprise"});
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const EnterpriseCaller& caller = std::get<EnterpriseCaller>(who);
  const Enterprise& e = caller.enterprise;
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string verify_by = fields.required("verify_by");
  const std::string new_phone = fields.required("new_phone");
  const std::string code = fields.required("sms_code");
  if (fields.failed()) return fields.error();
  // Step 1 (seed 000 修改手机号码 ①身份验证): the login password, or the four elements (001
  // 2.5.1.2), as far as the profile offers them.
  if (!profile_lists(services.profile().enterprise_phone_change_proofs, verify_by))
    return ApiResponse::error(400, ErrorCode::VerifyMethodInvalid, "verify_by");
  if (verify_by == "password") {
    const std::string password = fields.required("password");
    if (fields.failed()) return fields.error();
    if (!e.password_hash || !services.passwords->verify(*e.password_hash, password))
      return ApiResponse::error(400, ErrorCode::PasswordWrong, "password");
  } else if (verify_by == "four_elements") {
    const std::string name = fields.required("name");
    const std::string rep_name = fields.required("legal_rep_name");
    const std::string rep_id = normalize_document_number(fields.required("legal_rep_id_number"));
    if (fields.failed()) return fields.error();
    if (name != e.name) return ApiResponse::error(400, ErrorCode::RegistryMismatch, "name");
    if (rep_name != e.rep_name || rep_id != e.rep_id_number)
      return ApiResponse::error(400, ErrorCode::LegalRepMismatch, "legal_rep_id_number");
  } else {
    return ApiResponse::error(400, ErrorCode::VerifyMethodInvalid, "verify_by");
  }
  if (Verdict v = check_phone(new_phone); !v.ok()) return ApiResponse::error(400, v, "new_phone");
  if (e.phone && *e.phone == new_phone) return ApiResponse::error(400, ErrorCode::PhoneUnchanged, "new_phone");
  // Step 2 (②新号码绑定): the code sent to the new phone proves it, spent in the same transaction
  // as the change (two parallel requests cannot both use it).
  Enterprise changed = e;
  changed.phone = new_phone;
  return save(services, caller, changed, "enterprise.phone.change",
              (e.phone ? mask_phone(*e.phone) : std::string("-")) + " -> " + mask_phone(new_phone), request.client_ip,
              [&](soci::session& sql) -> std::optional<ApiResponse> {
                if (ErrorCode c = verify_sms_code(services, sql, new_phone, "enterprise_change_phone", code,
                                                  SmsCodeUse::Consume);
                    c != ErrorCode::Ok)
                  return ApiResponse::error(400, c, "sms_code");
                return std::nullopt;
              });
}

ApiResponse change_enterprise_info(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_enterprise(services, request, {"enterprise"});
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const EnterpriseCaller& caller = std::get<EnterpriseCaller>(who);
  const Enterprise& e = caller.enterprise;
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string name = fields.required("name");
  const std::string org_type = fields.optional("org_type").value_or(e.org_type);
  const auto uscc = fields.optional("uscc");
  if (fields.failed()) return fields.error();
  if (uscc && *uscc != e.uscc) return ApiResponse::error(400, ErrorCode::UsccImmutable, "uscc");
  // The type on file stays acceptable even when the profile no longer offers it (a changed
  // profile re-labels, it does not lock enterprises out of their own centre).
  if (org_type != e.org_type && !is_enterprise_type(services.profile(), org_type))
    return ApiResponse::error(400, ErrorCode::EnterpriseTypeInvalid, "org_type");
  if (auto refusal = check_enterprise_name(name)) return *refusal;
  Enterprise changed = e;
  changed.name = name;
  changed.org_type = org_type;
  // The new details must be what the registry records (seed 000 企业变更: 与工商信息保持一致).
  const ports::RegistryAnswer answer = ask_registry(services, registry_query_of(changed));
  if (answer.verdict != ports::RegistryVerdict::Confirmed) return registry_refusal(answer.verdict, "name");
  changed.registry = answer.entry;
  changed.registry_confirmed = true;
  changed.registry_checked_at = services.now_seconds();
  return save(services, caller, changed, "enterprise.info.change", "", request.client_ip);
}

ApiResponse change_legal_representative(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_enterprise(services, request, {"enterprise"});
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const EnterpriseCaller& caller = std::get<EnterpriseCaller>(who);
  const Enterprise& e = caller.enterprise;
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  LegalRepInput rep;
  if (auto refusal = read_legal_rep(services, fields, rep)) return *refusal;
  if (rep.id_type == e.rep_id_type && rep.id_number == e.rep_id_number)
    return ApiResponse::error(400, ErrorCode::LegalRepUnchanged, "legal_rep_id_number");
  auto found = services.db->with_session([&](soci::session& sql) { return find_legal_rep(services, sql, rep); });
  if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
  Enterprise changed = e;
  changed.rep_person_id = std::get<store::Person>(found).id;
  changed.rep_name = rep.name;
  changed.rep_id_type = rep.id_type;
  changed.rep_id_number = rep.id_number;
  changed.rep_id_valid_from = rep.valid_from;
  changed.rep_id_valid_to = rep.valid_to;
  const ports::RegistryAnswer answer = ask_registry(services, registry_query_of(changed));
  if (answer.verdict != ports::RegistryVerdict::Confirmed) return registry_refusal(answer.verdict, "legal_rep_name");
  changed.registry = answer.entry;
  changed.registry_confirmed = true;
  changed.registry_checked_at = services.now_seconds();
  return save(services, caller, changed, "enterprise.legal_rep.change", mask_name(e.rep_name) + " -> " + mask_name(rep.name),
              request.client_ip);
}

}  // namespace uia::flows
