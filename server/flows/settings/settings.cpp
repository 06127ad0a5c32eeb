#include "flows/settings/settings.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/delegations/delegations.h"
#include "flows/messages/messages.h"
#include "flows/relatives/relatives.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/sessions/authenticate.h"
#include "flows/sessions/signed_in_person.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "privacy/mask.h"
#include "store/person_repository.h"
#include "store/upstream_link_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;

std::string actor(const Person& person) { return "person:" + std::to_string(person.id); }

ApiResponse signed_out_everywhere(const app::Services& services) {
  ApiResponse out = ApiResponse::no_content();
  out.session_cookie = http::SessionCookie{"", 0, !services.dev_mode};
  return out;
}

}  // namespace

ApiResponse change_password(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string old_password = fields.required("old_password");
  const std::string new_password = fields.required("new_password");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  if (!person.password_hash || !services.passwords->verify(*person.password_hash, old_password)) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {actor(person), "password.change", actor(person), request.client_ip, "denied", "PASSWORD_WRONG"});
    });
    return ApiResponse::error(400, ErrorCode::PasswordWrong, "old_password");
  }
  if (old_password == new_password) return ApiResponse::error(400, ErrorCode::PasswordUnchanged, "new_password");
  if (Verdict v = check_password(new_password, person.account.value_or(""), services.profile().password, person.name);
      !v.ok())
    return ApiResponse::error(400, v, "new_password");
  const std::string hash = services.passwords->hash(new_password);
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  services.db->transact([&](soci::session& sql) {
    persons.update_password(sql, person.id, hash, now);
    revoke_all_sessions(services, sql, person.id);
    record_audit(sql, now, {actor(person), "password.change", actor(person), request.client_ip, "ok", ""});
  });
  return signed_out_everywhere(services);
}

ApiResponse change_phone(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  // The proof of identity the profile asks for (000 四.1(4)①: 姓名 + 证件号码; the password);
  // without "proof" the request is the original password form.
  const std::vector<std::string>& proofs = services.profile().phone_change_proofs;
  const std::string proof = fields.optional("proof").value_or("password");
  if ((proof != "password" && proof != "identity") || !profile_lists(proofs, proof))
    return ApiResponse::error(400, ErrorCode::PhoneChangeProofInvalid, "proof");
  const bool by_password = proof == "password";
  const std::string password = by_password ? fields.required("password") : std::string();
  const std::string name = by_password ? std::string() : fields.required("name");
  const std::string id_number = by_password ? std::string() : fields.required("id_number");
  const std::string new_phone = fields.required("new_phone");
  const std::string code = fields.required("sms_code");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(new_phone); !v.ok()) return ApiResponse::error(400, v, "new_phone");
  if (person.phone && *person.phone == new_phone) return ApiResponse::error(400, ErrorCode::PhoneUnchanged, "new_phone");
  if (by_password && (!person.password_hash || !services.passwords->verify(*person.password_hash, password)))
    return ApiResponse::error(400, ErrorCode::PasswordWrong, "password");
  if (!by_password && (name != person.name || normalize_document_number(id_number) != person.id_number))
    return ApiResponse::error(400, ErrorCode::IdentityMismatch, "id_number");
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (auto owner = persons.find_by_phone(sql, new_phone); owner && owner->id != person.id)
      return ApiResponse::error(409, ErrorCode::PhoneRegistered, "new_phone");
    if (ErrorCode e = verify_sms_code(services, sql, new_phone, "change_phone", code, SmsCodeUse::Consume); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    persons.update_phone(sql, person.id, new_phone, now);
    record_audit(sql, now, {actor(person), "phone.change", actor(person), request.client_ip, "ok",
                            (person.phone ? mask_phone(*person.phone) : std::string("-")) + " -> " + mask_phone(new_phone)});
    return ApiResponse::json(200, {{"phone", mask_phone(new_phone)}});
  });
}

ApiResponse send_deletion_sms(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  if (!person.phone) return ApiResponse::error(400, ErrorCode::PhoneEmpty);
  const auto sent = send_sms_code(services, *person.phone, "delete_account", request.client_ip);
  if (sent.error == ErrorCode::SmsRateLimited) return ApiResponse::error(429, sent.error).retry_after(sent.retry_after);
  if (sent.error != ErrorCode::Ok) return ApiResponse::error(503, sent.error);
  return ApiResponse::json(202, {{"expires_in", sent.expires_in}, {"resend_after", sent.resend_after},
                                 {"phone", mask_phone(*person.phone)}});
}

ApiResponse delete_account(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string id_number = normalize_document_number(fields.required("id_number"));
  const std::string code = fields.required("sms_code");
  if (fields.failed()) return fields.error();
  if (id_number != person.id_number) return ApiResponse::error(400, ErrorCode::IdNumberMismatch, "id_number");
  if (!person.phone) return ApiResponse::error(400, ErrorCode::PhoneEmpty);
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, *person.phone, "delete_account", code, SmsCodeUse::Consume); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    revoke_all_sessions(services, sql, person.id);
    // Enterprise flows keep the enterprise's id in person_id (kinds enterprise_*): not this person's.
    sql << "DELETE FROM self_service_flows WHERE person_id = :p AND kind NOT LIKE 'enterprise%'", soci::use(person.id);
    sql << "DELETE FROM addresses WHERE person_id = :p", soci::use(person.id);
    sql << "DELETE FROM face_checks WHERE person_id = :p", soci::use(person.id);
    sql << "DELETE FROM person_profiles WHERE person_id = :p", soci::use(person.id);
    sql << "DELETE FROM security_answers WHERE person_id = :p", soci::use(person.id);
    sql << "DELETE FROM email_codes WHERE person_id = :p", soci::use(person.id);
    sql << "DELETE FROM recovery_failures WHERE person_id = :p", soci::use(person.id);
    // Between persons: relations end (the other side is told), relatives and the inbox go.
    end_delegations_of(sql, person.id, now);
    delete_relatives_of(services, sql, person.id);
    delete_messages_of(sql, person.id);
    // Seed H: deleting the account withdraws every business system's authorization and token.
    oidc::revoke_all_grants(sql, person.id, now);
    // Upstream sign-in links go too: the upstream account must not reach a deleted person.
    store::UpstreamLinkRepository().remove_person(sql, person.id);
    persons.erase_personal_data(sql, person.id, now);
    // The trail stays, already anonymous: it names person:<id>, never the person's data.
    record_audit(sql, now, {actor(person), "person.delete", actor(person), request.client_ip, "ok", ""});
    ApiResponse out = ApiResponse::no_content();
    out.session_cookie = http::SessionCookie{"", 0, !services.dev_mode};
    return out;
  });
}

}  // namespace uia::flows
