#include "flows/registration/registration.h"

#include <soci/soci.h>

#include "api/validate.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/document_upload.h"
#include "flows/agents/agent_grants.h"
#include "flows/delegations/delegations.h"
#include "flows/enterprise/enterprise_registration.h"
#include "flows/relatives/relatives.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/id_types.h"
#include "ids/resident_id.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "policy/id_validity.h"
#include "policy/person_name.h"
#include "privacy/mask.h"
#include "profile/registration_hours.h"
#include "store/document_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;
using store::PersonStatus;

// A document the province lets persons register with (profile.person_id_types); nullptr else.
const IdTypeInfo* registrable_id_type(const Profile& profile, const std::string& id_type) {
  return profile_lists(profile.person_id_types, id_type) ? find_id_type(id_type) : nullptr;
}

// Foreign documents: uploaded files and a back-office review instead of the police check.
bool needs_review(const IdTypeInfo& type) { return !checked_by_police(type); }

// Everything a registration needs, read and checked before anything is stored.
struct Application {
  std::string account, password, name, id_type, id_number, phone, sms_code;
  std::optional<std::string> valid_from, valid_to;
  const IdTypeInfo* rule = nullptr;
  Date birth;
  std::string gender;
  bool face_needed = false;
};

std::optional<ApiResponse> read_application(const app::Services& services, const http::ApiRequest& request,
                                            Application& a) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const Profile& profile = services.profile();
  const bool own_account = profile.account_mode == "user_chosen";
  if (own_account) a.account = fields.required("account");
  const auto offered_account = own_account ? std::nullopt : fields.optional("account");
  a.password = fields.required("password");
  a.name = fields.required("name");
  a.id_type = fields.required("id_type");
  a.id_number = fields.required("id_number");
  a.phone = fields.required("phone");
  a.sms_code = fields.required("sms_code");
  a.valid_from = fields.optional("id_valid_from");
  a.valid_to = fields.optional("id_valid_to");
  const auto gender = fields.optional("gender");
  const auto birth_date = fields.optional("birth_date");
  const bool agreed = fields.flag("agree");
  if (fields.failed()) return fields.error();
  if (!agreed) return ApiResponse::error(400, ErrorCode::AgreementRequired, "agree");

  // The profile says whether people pick a login name (000, 004) or sign in by phone or
  // document number (001: none; 003: the ID number is the login name).
  if (offered_account && !offered_account->empty()) return ApiResponse::error(400, ErrorCode::AccountNotOffered, "account");
  if (own_account) {
    if (Verdict v = check_account_name(a.account, profile.account_name); !v.ok()) return ApiResponse::error(400, v, "account");
  }
  if (Verdict v = check_person_name(a.name); !v.ok()) return ApiResponse::error(400, v, "name");
  if (Verdict v = check_password(a.password, a.account, profile.password, a.name); !v.ok())
    return ApiResponse::error(400, v, "password");
  a.rule = registrable_id_type(profile, a.id_type);
  if (!a.rule) return ApiResponse::error(400, ErrorCode::IdTypeInvalid, "id_type");

  const Date today = services.clock->today();
  if (a.rule->kind == ValueKind::ResidentId) {
    const auto id = parse_resident_id(a.id_number, today);
    if (!id) return ApiResponse::error(400, check_resident_id(a.id_number, today), "id_number");
    a.id_number = id->number;  // normalised (x → X)
    if (!registration_open(profile.registration_hours, a.id_number, services.now_seconds())) {
      ApiResponse closed = ApiResponse::error(403, ErrorCode::RegistrationHours, "id_number");
      closed.body["error"]["message"] = registration_hours_notice(profile.registration_hours);
      return closed;
    }
    a.birth = id->birth_date;
    a.gender = id->gender == Gender::Male ? "male" : "female";
  } else {
    if (Verdict v = check_document_number(a.rule->kind, a.id_number, today); !v.ok())
      return ApiResponse::error(400, v, "id_number");
    if (!gender || (*gender != "male" && *gender != "female"))
      return ApiResponse::error(400, ErrorCode::GenderInvalid, "gender");
    const auto birth = birth_date ? parse_date(*birth_date) : std::nullopt;
    if (!birth || *birth > today || birth->year < 1900)
      return ApiResponse::error(400, ErrorCode::BirthDateInvalid, "birth_date");
    a.birth = *birth;
    a.gender = *gender;
  }

  // Validity dates: residents of 16 and over must give them (and they must fit the law's terms);
  // under 16 they are neither asked for nor kept. Other documents: optional, must not be expired.
  const ValidityFieldsCheck validity =
      check_validity_fields(a.rule->kind == ValueKind::ResidentId, a.birth, a.valid_from, a.valid_to, today);
  if (!validity.verdict.ok()) return ApiResponse::error(400, validity.verdict, validity.field);
  if (!validity.applies) {
    a.valid_from.reset();
    a.valid_to.reset();
  }
  if (Verdict v = check_phone(a.phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  a.face_needed = profile.face_at_registration && a.rule->kind == ValueKind::ResidentId && needs_face_check(a.birth, today);
  return std::nullopt;
}

// An "already registered" answer that guides the person on (seeds H, N, E): imported accounts
// are activated, others log in or recover their password.
ApiResponse already_registered(const Person& existing) {
  ApiResponse out = ApiResponse::error(409, ErrorCode::IdNumberRegistered, "id_number");
  out.body["error"]["next"] = existing.status == PersonStatus::PendingActivation ? "activate" : "login_or_recover";
  return out;
}

ApiResponse store_registration(app::Services& services, const http::ApiRequest& request, const Application& a,
                               const Person& person, const ports::FaceTicket& face,
                               const store::PersonRepository& persons);

// The rejected application's row keeps its id (the audit trail names it) but loses its
// personal data, documents and tokens, freeing the document, account name and phone.
void erase_rejected_application(soci::session& sql, const store::PersonRepository& persons,
                                const store::DocumentRepository& documents, long long person_id, long long now) {
  documents.delete_for(sql, person_id);
  documents.delete_upload_tokens(sql, person_id);
  persons.erase_personal_data(sql, person_id, now);
  record_audit(sql, now, {"person:" + std::to_string(person_id), "person.reapply", "person:" + std::to_string(person_id),
                          "", "ok", "rejected application erased"});
}

}  // namespace

ApiResponse register_person(app::Services& services, const http::ApiRequest& request) {
  Application a;
  if (auto refusal = read_application(services, request, a)) return *refusal;
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const long long now = services.now_seconds();

  // An application the back-office rejected does not block its owner from applying again
  // with the same document (and the same account name and phone): it is erased then.
  const auto rejected_before = [&](soci::session& sql) -> std::optional<long long> {
    auto existing = persons.find_by_id_number(sql, a.id_type, a.id_number);
    if (existing && existing->status == PersonStatus::Rejected) return existing->id;
    return std::nullopt;
  };
  const auto uniqueness = [&](soci::session& sql) -> std::optional<ApiResponse> {
    const auto own = rejected_before(sql);
    const auto taken = [&](const std::optional<Person>& holder) { return holder && (!own || holder->id != *own); };
    if (!a.account.empty() && taken(persons.find_by_account(sql, a.account)))
      return ApiResponse::error(409, ErrorCode::AccountTaken, "account");
    if (auto existing = persons.find_by_id_number(sql, a.id_type, a.id_number); taken(existing))
      return already_registered(*existing);
    if (taken(persons.find_by_phone(sql, a.phone))) return ApiResponse::error(409, ErrorCode::PhoneRegistered, "phone");
    return std::nullopt;
  };

  // 1. The SMS code proves the phone (checked, not spent), then uniqueness.
  std::optional<ApiResponse> refusal = services.db->transact([&](soci::session& sql) -> std::optional<ApiResponse> {
    if (ErrorCode e = verify_sms_code(services, sql, a.phone, "register", a.sms_code, SmsCodeUse::CheckOnly);
        e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    return uniqueness(sql);
  });
  if (refusal) return *refusal;

  // 2. Real-name check with the police service (documents under review are checked by staff).
  int level = 1;
  if (!needs_review(*a.rule)) {
    switch (services.ports.identity->verify({a.name, a.id_type, a.id_number})) {
      case ports::IdentityCheck::Match: level = 2; break;
      case ports::IdentityCheck::Mismatch:
        services.db->transact([&](soci::session& sql) { count_failed_use(services, sql, a.phone, "register"); });
        return ApiResponse::error(400, ErrorCode::IdentityMismatch, "name");
      case ports::IdentityCheck::Unavailable: return ApiResponse::error(503, ErrorCode::IdentityUnavailable);
    }
  }

  // 3. Slow, side-effect-free work before the write transaction.
  const std::string password_hash = services.passwords->hash(a.password);
  if (password_hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  ports::FaceTicket face;
  if (a.face_needed) {
    face = services.ports.face->start({a.name, a.id_number, "register"});
    if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  }

  Person person;
  if (!a.account.empty()) person.account = a.account;
  person.name = a.name;
  person.id_type = a.id_type;
  person.id_number = a.id_number;
  person.phone = a.phone;
  person.gender = a.gender;
  person.birth_date = format_date(a.birth);
  person.id_valid_from = a.valid_from;
  person.id_valid_to = a.valid_to;
  person.password_hash = password_hash;
  person.status = needs_review(*a.rule) ? PersonStatus::PendingReview
                  : a.face_needed      ? PersonStatus::PendingFace
                                       : PersonStatus::Active;
  person.level = level;
  person.created_at = person.updated_at = now;

  // 4. One transaction: spend the code, store the person, open the face check, audit.
  try {
    return store_registration(services, request, a, person, face, persons);
  } catch (const soci::soci_error&) {
    // A concurrent registration took the account, document or phone between steps 1 and 4;
    // the transaction rolled back, so say which one.
    if (auto conflict = services.db->with_session(uniqueness)) return *conflict;
    throw;
  }
}

namespace {
ApiResponse store_registration(app::Services& services, const http::ApiRequest& request, const Application& a,
                               const Person& person, const ports::FaceTicket& face,
                               const store::PersonRepository& persons) {
  const long long now = person.created_at;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, a.phone, "register", a.sms_code, SmsCodeUse::Consume);
        e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    if (auto earlier = persons.find_by_id_number(sql, a.id_type, a.id_number);
        earlier && earlier->status == PersonStatus::Rejected)
      erase_rejected_application(sql, persons, store::DocumentRepository(*services.cipher), earlier->id, now);
    const long long person_id = persons.insert(sql, person);
    if (a.face_needed) {
      const long long expires_at = now + services.limits.face_ticket_ttl_seconds;
      sql << "INSERT INTO face_checks (ticket, person_id, purpose, status, created_at, expires_at) "
             "VALUES (:t, :p, 'register', 'pending', :c, :e)",
          soci::use(face.ticket), soci::use(person_id), soci::use(now), soci::use(expires_at);
    }
    record_audit(sql, now, {"person:" + std::to_string(person_id), "person.register",
                            "person:" + std::to_string(person_id), request.client_ip, "ok",
                            std::string(store::status_name(person.status))});
    nlohmann::json body = {{"person_id", person_id}, {"status", store::status_name(person.status)},
                           {"level", person.level}};
    if (a.face_needed) {
      body["face_ticket"] = face.ticket;
      body["face_url"] = face.start_url;
    }
    if (needs_review(*a.rule)) {
      body["next"] = "upload_documents";  // POST /api/v1/persons/{id}/documents with X-Upload-Token
      body["upload_token"] = issue_upload_token(services, sql, person_id, now);
      body["upload_expires_in"] = services.limits.upload_token_ttl_seconds;
    }
    return ApiResponse::json(201, body);
  });
}
}  // namespace

bool complete_face_check(app::Services& services, const std::string& ticket, ports::FaceResult result) {
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) {
    long long person_id = 0, expires_at = 0;
    std::string purpose, status;
    sql << "SELECT person_id, purpose, status, expires_at FROM face_checks WHERE ticket = :t", soci::use(ticket),
        soci::into(person_id), soci::into(purpose), soci::into(status), soci::into(expires_at);
    if (!sql.got_data() || status != "pending" || expires_at < now) return false;
    const bool passed = result == ports::FaceResult::Pass;
    const std::string new_status = passed ? "passed" : "failed";
    sql << "UPDATE face_checks SET status = :s, completed_at = :now WHERE ticket = :t", soci::use(new_status),
        soci::use(now), soci::use(ticket);
    if (passed && purpose == "register") persons.update_status(sql, person_id, PersonStatus::Active, 3, now);
    // Checks other flows opened move their own records on (a relative, a grantor's authorization).
    if (purpose == "relative") relative_face_result(services, sql, ticket, passed, now);
    if (purpose == "delegation") delegation_face_result(services, sql, ticket, passed, now);
    if (purpose == "enterprise_register") complete_enterprise_face_check(services, sql, ticket, passed, now);
    if (purpose == "agent_grant") agent_grant_face_result(services, sql, ticket, passed, now);
    record_audit(sql, now, {"person:" + std::to_string(person_id), "face." + purpose, "person:" + std::to_string(person_id),
                            "", passed ? "ok" : "failed", ""});
    return true;
  });
}

bool face_check_pending(app::Services& services, const std::string& ticket) {
  const long long now = services.now_seconds();
  return services.db->with_session([&](soci::session& sql) {
    std::string status;
    long long expires_at = 0;
    sql << "SELECT status, expires_at FROM face_checks WHERE ticket = :t", soci::use(ticket), soci::into(status),
        soci::into(expires_at);
    return sql.got_data() && status == "pending" && expires_at >= now;
  });
}

}  // namespace uia::flows
