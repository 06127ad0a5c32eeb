#include "flows/activation/activation.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/self_service_flow.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "policy/id_validity.h"
#include "privacy/mask.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
constexpr const char* kKind = "activate";
constexpr int kActivationTtlSeconds = 15 * 60;

bool needs_validity(const store::Person& person, Date today) {
  if (person.id_type != "resident") return false;
  const auto birth = person.birth_date ? parse_date(*person.birth_date) : std::nullopt;
  return birth && needs_validity_dates(*birth, today);
}

// Validity dates are missing when the import had none, or had ones that have run out since.
bool validity_missing(const store::Person& person, Date today) {
  if (!needs_validity(person, today)) return false;
  if (!person.id_valid_from || !person.id_valid_to) return true;
  if (*person.id_valid_to == "long_term") return false;
  const auto to = parse_date(*person.id_valid_to);
  return !to || *to < today;
}

// What step (2) must still collect for this person.
nlohmann::json missing_information(const store::Person& person, Date today) {
  nlohmann::json missing = {"account", "password"};
  if (validity_missing(person, today)) {
    missing.push_back("id_valid_from");
    missing.push_back("id_valid_to");
  }
  return missing;
}

// The validity dates sent with step (2), checked as registration checks them; nullopt when fine.
std::optional<ApiResponse> check_sent_validity(const store::Person& person, const std::optional<std::string>& valid_from,
                                               const std::optional<std::string>& valid_to, Date today) {
  const auto birth = parse_date(person.birth_date.value_or(""));
  if (!birth) return ApiResponse::error(400, ErrorCode::BirthDateInvalid, "id_valid_from");
  const ValidityFieldsCheck check = check_validity_fields(true, *birth, valid_from, valid_to, today);
  if (!check.verdict.ok()) return ApiResponse::error(400, check.verdict, check.field);
  return std::nullopt;
}

}  // namespace

ApiResponse first_sign_in_of_imported(app::Services& services, soci::session& sql, const store::Person& person,
                                      const std::string& client_ip) {
  const long long now = services.now_seconds();
  const SelfServiceFlow flow = open_flow(services, sql, kKind, person.id, "verified", kActivationTtlSeconds, client_ip);
  record_audit(sql, now, {"person:" + std::to_string(person.id), "person.activate.verify", "person:" + std::to_string(person.id),
                          client_ip, "ok", "first sign-in"});
  ApiResponse out = ApiResponse::error(403, ErrorCode::AccountNotActive);
  out.body["error"]["status"] = store::status_name(person.status);
  out.body["error"]["next"] = "complete_profile";
  out.body["error"]["activation_id"] = flow.id;
  out.body["error"]["expires_in"] = kActivationTtlSeconds;
  out.body["error"]["missing"] = missing_information(person, services.clock->today());
  return out;
}

ApiResponse describe_activation(app::Services& services, const http::ApiRequest& request) {
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->with_session([&](soci::session& sql) -> ApiResponse {
    const auto flow = find_flow(services, sql, request.params.at("id"), kKind);
    if (!flow) return ApiResponse::error(404, ErrorCode::FlowExpired, "activation_id");
    const auto person = persons.find_by_id(sql, flow->person_id);
    if (!person || person->status != store::PersonStatus::PendingActivation)
      return ApiResponse::error(404, ErrorCode::FlowExpired, "activation_id");
    return ApiResponse::json(200, {{"activation_id", flow->id},
                                   {"expires_in", std::max<long long>(0, flow->expires_at - services.now_seconds())},
                                   {"name", mask_name(person->name)},
                                   {"id_type", person->id_type},
                                   {"id_number", mask_id_number(person->id_number)},
                                   {"phone", person->phone ? mask_phone(*person->phone) : ""},
                                   {"missing", missing_information(*person, services.clock->today())}});
  });
}

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
  const Profile& profile = services.profile();
  const bool own_account = profile.account_mode == "user_chosen";
  const std::string account = own_account ? fields.required("account") : std::string();
  const auto offered_account = own_account ? std::nullopt : fields.optional("account");
  const std::string password = fields.required("password");
  const auto valid_from = fields.optional("id_valid_from");
  const auto valid_to = fields.optional("id_valid_to");
  if (fields.failed()) return fields.error();
  if (offered_account && !offered_account->empty()) return ApiResponse::error(400, ErrorCode::AccountNotOffered, "account");
  if (own_account) {
    if (Verdict v = check_account_name(account, profile.account_name); !v.ok()) return ApiResponse::error(400, v, "account");
  }
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const Date today = services.clock->today();
  // What the import lacked is checked before the (slow) password hash and the write.
  const auto person = services.db->with_session([&](soci::session& sql) -> std::optional<store::Person> {
    const auto flow = find_flow(services, sql, request.params.at("id"), kKind);
    if (!flow) return std::nullopt;
    return persons.find_by_id(sql, flow->person_id);
  });
  if (!person || person->status != store::PersonStatus::PendingActivation)
    return ApiResponse::error(404, ErrorCode::FlowExpired, "activation_id");
  if (Verdict v = check_password(password, account, profile.password, person->name); !v.ok())
    return ApiResponse::error(400, v, "password");
  const bool complete_validity = validity_missing(*person, today);
  if (complete_validity) {
    if (auto refusal = check_sent_validity(*person, valid_from, valid_to, today)) return *refusal;
  }
  const std::string hash = services.passwords->hash(password);
  if (hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto flow = find_flow(services, sql, request.params.at("id"), kKind);
    if (!flow || flow->person_id != person->id) return ApiResponse::error(404, ErrorCode::FlowExpired, "activation_id");
    if (own_account && persons.find_by_account(sql, account)) return ApiResponse::error(409, ErrorCode::AccountTaken, "account");
    persons.activate(sql, flow->person_id, own_account ? std::optional<std::string>(account) : std::nullopt, hash, now);
    if (complete_validity) persons.update_id_validity(sql, flow->person_id, valid_from, valid_to, now);
    close_flow(sql, flow->id);
    record_audit(sql, now, {"person:" + std::to_string(flow->person_id), "person.activate",
                            "person:" + std::to_string(flow->person_id), request.client_ip, "ok",
                            complete_validity ? "id validity completed" : ""});
    return ApiResponse::json(200, {{"person_id", flow->person_id}, {"status", "active"}});
  });
}

}  // namespace uia::flows
