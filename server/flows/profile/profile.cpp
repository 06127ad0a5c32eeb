#include "flows/profile/profile.h"

#include <soci/soci.h>

#include <ctime>

#include "flows/audit/audit_log.h"
#include "flows/profile/basic_info.h"
#include "flows/profile/free_text.h"
#include "profile/profile.h"
#include "flows/security_questions/security_questions.h"
#include "flows/sessions/signed_in_person.h"
#include "http/rfc3339.h"
#include "http/json_fields.h"
#include "ids/id_types.h"
#include "policy/id_validity.h"
#include "policy/person_name.h"
#include "privacy/mask.h"
#include "store/person_profile_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;

constexpr int kNameChecksPerDay = 5;
constexpr const char* kBasicFields[] = {"ethnicity", "education", "occupation", "work_unit", "contact_address", "postcode"};
constexpr const char* kPersonFields[] = {"name", "id_valid_from", "id_valid_to"};

// Every key the endpoint understands. Anything else (a typo, or a field with its own flow such
// as phone or e-mail, or one nobody may change such as id_number) is refused, never ignored.
bool known_field(std::string_view key) {
  for (const char* f : kBasicFields)
    if (key == f) return true;
  for (const char* f : kPersonFields)
    if (key == f) return true;
  return false;
}


// Documents the police population service can check by name (the others are reviewed by staff).
bool police_checkable(const std::string& id_type) {
  const IdTypeInfo* type = find_id_type(id_type);
  return type && checked_by_police(*type);
}

nlohmann::json optional_text(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// The birth date masked like the ID number that contains it: the year only.
nlohmann::json masked_birth_date(const std::optional<std::string>& birth) {
  if (!birth || birth->size() != 10) return nullptr;
  return birth->substr(0, 4) + "-**-**";
}

BasicInfo& set_field(BasicInfo& info, std::string_view field, std::optional<std::string> value) {
  if (field == "ethnicity") info.ethnicity = std::move(value);
  else if (field == "education") info.education = std::move(value);
  else if (field == "occupation") info.occupation = std::move(value);
  else if (field == "work_unit") info.work_unit = std::move(value);
  else if (field == "contact_address") info.contact_address = std::move(value);
  else if (field == "postcode") info.postcode = std::move(value);
  return info;
}

nlohmann::json profile_view(app::Services& services, soci::session& sql, const Person& person) {
  const BasicInfo info = store::PersonProfileRepository(*services.cipher).load(sql, person.id);
  const bool questions_set = !load_security_answers(sql, person.id).empty();
  const bool email_verified = person.email && person.email_verified_at;
  return {{"person_id", person.id},
          {"account", person.account.value_or("")},
          {"name", mask_name(person.name)},
          {"id_type", person.id_type},
          {"id_number", mask_id_number(person.id_number)},
          {"id_valid_from", optional_text(person.id_valid_from)},
          {"id_valid_to", optional_text(person.id_valid_to)},
          {"gender", optional_text(person.gender)},
          {"birth_date", masked_birth_date(person.birth_date)},
          {"phone", person.phone ? mask_phone(*person.phone) : ""},
          {"email", email_verified ? mask_email(*person.email) : ""},
          {"email_verified", email_verified},
          {"level", person.level},
          {"level_label", level_name(services.profile(), person.level)},
          {"status", std::string(store::status_name(person.status))},
          {"security_questions_set", questions_set},
          {"basic",
           {{"ethnicity", optional_text(info.ethnicity)},
            {"education", optional_text(info.education)},
            {"occupation", optional_text(info.occupation)},
            {"work_unit", optional_text(info.work_unit)},
            {"contact_address", optional_text(info.contact_address)},
            {"postcode", optional_text(info.postcode)}}},
          {"created_at", http::format_rfc3339(person.created_at)}};
}

// What a PUT asks for, read and checked before anything is stored or any service called.
struct ProfileChange {
  std::optional<std::string> name;  // a new name (differs from the current one)
  bool validity = false;            // id_valid_from / id_valid_to were sent
  std::optional<std::string> valid_from, valid_to;
  BasicInfo basic;                  // the whole row after the change
  std::vector<std::string> basic_changed;  // field names, for the audit trail (never values)
};

std::optional<ApiResponse> read_change(const app::Services& services, const nlohmann::json& body, const Person& person,
                                       const BasicInfo& current, ProfileChange& change) {
  if (body.contains("account")) return ApiResponse::error(400, ErrorCode::AccountImmutable, "account");
  for (const auto& [key, value] : body.items())
    if (!known_field(key)) return ApiResponse::error(400, ErrorCode::RequestInvalid, key);
  if (body.empty()) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(body, 1024);
  const auto name = fields.optional("name");
  change.validity = body.contains("id_valid_from") || body.contains("id_valid_to");
  change.valid_from = fields.optional("id_valid_from");
  change.valid_to = fields.optional("id_valid_to");
  change.basic = current;
  for (const char* field : kBasicFields) {
    if (!body.contains(field)) continue;
    const auto value = fields.optional(field);
    if (fields.failed()) break;
    // null or "" clears the field; anything else must pass the field's rule.
    std::optional<std::string> text = value ? std::optional(trim_text(*value)) : std::nullopt;
    if (text && text->empty()) text.reset();
    if (text) {
      if (const ErrorCode e = check_basic_field(field, *text); e != ErrorCode::Ok) return ApiResponse::error(400, e, field);
    }
    set_field(change.basic, field, text);
    change.basic_changed.push_back(field);
  }
  if (fields.failed()) return fields.error();

  if (name && *name != person.name) {
    if (Verdict v = check_person_name(*name); !v.ok()) return ApiResponse::error(400, v, "name");
    change.name = *name;
  }
  if (change.validity) {
    const Date today = services.clock->today();
    const auto birth = person.birth_date ? parse_date(*person.birth_date) : std::nullopt;
    if (!birth) return ApiResponse::error(400, ErrorCode::BirthDateInvalid, "id_valid_from");
    const ValidityFieldsCheck v =
        check_validity_fields(person.id_type == "resident", *birth, change.valid_from, change.valid_to, today);
    if (!v.applies) return ApiResponse::error(400, ErrorCode::IdValidityNotAllowed, "id_valid_from");
    if (!v.verdict.ok()) return ApiResponse::error(400, v.verdict, v.field);
  }
  return std::nullopt;
}

long long name_checks_today(app::Services& services, const Person& person) {
  const std::string who = actor_of(person);
  const long long since = services.now_seconds() - 86400;
  return services.db->with_session([&](soci::session& sql) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE actor = :a AND action = 'profile.name' AND at > :since", soci::use(who),
        soci::use(since), soci::into(count);
    return count;
  });
}

}  // namespace

ApiResponse get_profile(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  return ApiResponse::json(200, services.db->with_session([&](soci::session& sql) { return profile_view(services, sql, person); }));
}

ApiResponse profile_options(app::Services&, const http::ApiRequest&) {
  return ApiResponse::json(200, basic_info_options());
}

ApiResponse update_profile(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  store::PersonProfileRepository profiles(*services.cipher);
  const BasicInfo current = services.db->with_session([&](soci::session& sql) { return profiles.load(sql, person.id); });
  ProfileChange change;
  if (auto refusal = read_change(services, *body, person, current, change)) return *refusal;
  const long long now = services.now_seconds();

  // The name: checked again with the police service before anything is written.
  int level = person.level;
  if (change.name) {
    if (name_checks_today(services, person) >= kNameChecksPerDay)
      return ApiResponse::error(429, ErrorCode::TooManyRequests, "name").retry_after(86400);
    if (police_checkable(person.id_type)) {
      const auto check = services.ports.identity->verify({*change.name, person.id_type, person.id_number});
      if (check != ports::IdentityCheck::Match) {
        const bool mismatch = check == ports::IdentityCheck::Mismatch;
        services.db->with_session([&](soci::session& sql) {
          record_audit(sql, now, {actor_of(person), "profile.name", actor_of(person), request.client_ip,
                                  mismatch ? "denied" : "failed", mismatch ? "IDENTITY_MISMATCH" : "IDENTITY_UNAVAILABLE"});
        });
        if (!mismatch) return ApiResponse::error(503, ErrorCode::IdentityUnavailable);
        return ApiResponse::error(400, ErrorCode::IdentityMismatch, "name");
      }
    } else {
      level = 1;  // staff reviewed the old name, nobody has checked the new one
    }
  }

  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (change.name) {
      persons.update_name(sql, person.id, *change.name, level, now);
      record_audit(sql, now, {actor_of(person), "profile.name", actor_of(person), request.client_ip, "ok",
                              "level " + std::to_string(person.level) + "->" + std::to_string(level)});
    }
    if (change.validity) {
      persons.update_id_validity(sql, person.id, change.valid_from, change.valid_to, now);
      record_audit(sql, now, {actor_of(person), "profile.id_validity", actor_of(person), request.client_ip, "ok", ""});
    }
    if (!change.basic_changed.empty()) {
      profiles.save(sql, person.id, change.basic, now);
      std::string names;
      for (const auto& f : change.basic_changed) names += (names.empty() ? "" : ",") + f;
      record_audit(sql, now, {actor_of(person), "profile.basic", actor_of(person), request.client_ip, "ok", names});
    }
    const auto updated = persons.find_by_id(sql, person.id);
    return ApiResponse::json(200, profile_view(services, sql, updated.value_or(person)));
  });
}

}  // namespace uia::flows
