#include "flows/activation/activation.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/self_service_flow.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
constexpr const char* kKind = "activate";
constexpr int kActivationTtlSeconds = 15 * 60;
}  // namespace

ApiResponse verify_activation(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string id_number = normalize_document_number(fields.required("id_number"));
  const std::string phone = fields.required("phone");
  const std::string code = fields.required("sms_code");
  const auto name = fields.optional("name");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto person = services.db->with_session([&](soci::session& sql) { return persons.find_by_any_id_number(sql, id_number); });
  if (!person || person->status != store::PersonStatus::PendingActivation)
    return ApiResponse::error(404, ErrorCode::PersonNotFound, "id_number");

  const bool phone_changed = !person->phone || *person->phone != phone;
  if (phone_changed) {
    // Replacing the imported phone needs the name too, and the police check on it.
    if (!name || *name != person->name) return ApiResponse::error(400, ErrorCode::IdentityMismatch, "name");
    switch (services.ports.identity->verify({person->name, person->id_type, person->id_number})) {
      case ports::IdentityCheck::Match: break;
      case ports::IdentityCheck::Mismatch: return ApiResponse::error(400, ErrorCode::IdentityMismatch, "name");
      case ports::IdentityCheck::Unavailable: return ApiResponse::error(503, ErrorCode::IdentityUnavailable);
    }
  }
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (phone_changed) {
      if (auto owner = persons.find_by_phone(sql, phone); owner && owner->id != person->id)
        return ApiResponse::error(409, ErrorCode::PhoneRegistered, "phone");
    }
    if (ErrorCode e = verify_sms_code(services, sql, phone, "activate", code, SmsCodeUse::Consume); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    if (phone_changed) persons.update_phone(sql, person->id, phone, now);
    const SelfServiceFlow flow = open_flow(services, sql, kKind, person->id, "verified", kActivationTtlSeconds, request.client_ip);
    record_audit(sql, now, {"person:" + std::to_string(person->id), "person.activate.verify",
                            "person:" + std::to_string(person->id), request.client_ip, "ok", phone_changed ? "phone replaced" : ""});
    return ApiResponse::json(201, {{"activation_id", flow.id}, {"expires_in", kActivationTtlSeconds}});
  });
}

ApiResponse finish_activation(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string account = fields.required("account");
  const std::string password = fields.required("password");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_account_name(account); !v.ok()) return ApiResponse::error(400, v, "account");
  if (Verdict v = check_password(password, account); !v.ok()) return ApiResponse::error(400, v, "password");
  const std::string hash = services.passwords->hash(password);
  if (hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto flow = find_flow(services, sql, request.params.at("id"), kKind);
    if (!flow) return ApiResponse::error(404, ErrorCode::FlowExpired, "activation_id");
    if (persons.find_by_account(sql, account)) return ApiResponse::error(409, ErrorCode::AccountTaken, "account");
    persons.activate(sql, flow->person_id, account, hash, now);
    close_flow(sql, flow->id);
    record_audit(sql, now, {"person:" + std::to_string(flow->person_id), "person.activate",
                            "person:" + std::to_string(flow->person_id), request.client_ip, "ok", ""});
    return ApiResponse::json(200, {{"person_id", flow->person_id}, {"status", "active"}});
  });
}

}  // namespace uia::flows
