#include "flows/email/email_settings.h"

#include <soci/soci.h>

#include <ctime>

#include "flows/audit/audit_log.h"
#include "flows/email/email_codes.h"
#include "flows/sessions/signed_in_person.h"
#include "http/json_fields.h"
#include "policy/contact.h"
#include "privacy/mask.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;
constexpr const char* kPurpose = "verify_email";

std::string rfc3339(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return out;
}

}  // namespace

ApiResponse change_email(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string password = fields.required("password");
  const std::string email = normalize_email(fields.required("email"));
  if (fields.failed()) return fields.error();
  if (Verdict v = check_email(email); !v.ok()) return ApiResponse::error(400, v, "email");
  if (!services.ports.mail) return ApiResponse::error(503, ErrorCode::MailUnavailable);
  if (person.email && person.email_verified_at && *person.email == email)
    return ApiResponse::error(400, ErrorCode::EmailUnchanged, "email");
  const long long now = services.now_seconds();
  if (!person.password_hash || !services.passwords->verify(*person.password_hash, password)) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {actor_of(person), "email.change", actor_of(person), request.client_ip, "denied", "PASSWORD_WRONG"});
    });
    return ApiResponse::error(400, ErrorCode::PasswordWrong, "password");
  }
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const bool taken = services.db->with_session([&](soci::session& sql) {
    const auto owner = persons.find_by_email(sql, email);
    return owner && owner->id != person.id;
  });
  if (taken) return ApiResponse::error(409, ErrorCode::EmailRegistered, "email");
  const auto sent = send_email_code(services, person.id, email, kPurpose, request.client_ip);
  if (sent.error == ErrorCode::EmailRateLimited) return ApiResponse::error(429, sent.error, "email").retry_after(sent.retry_after);
  if (sent.error != ErrorCode::Ok) return ApiResponse::error(503, sent.error);
  return ApiResponse::json(202, {{"email", mask_email(email)}, {"expires_in", sent.expires_in},
                                 {"resend_after", sent.resend_after}});
}

ApiResponse verify_email(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string code = fields.required("email_code");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto confirm = [&](soci::session& sql) -> ApiResponse {
    const EmailCodeCheck check = consume_email_code(services, sql, person.id, kPurpose, code);
    if (check.error != ErrorCode::Ok) return ApiResponse::error(400, check.error, "email_code");
    // Someone else may have bound the address since the code was sent.
    if (const auto owner = persons.find_by_email(sql, check.email); owner && owner->id != person.id)
      return ApiResponse::error(409, ErrorCode::EmailRegistered, "email");
    persons.set_verified_email(sql, person.id, check.email, now);
    record_audit(sql, now, {actor_of(person), "email.change", actor_of(person), request.client_ip, "ok",
                            (person.email ? mask_email(*person.email) : std::string("-")) + " -> " + mask_email(check.email)});
    return ApiResponse::json(200, {{"email", mask_email(check.email)}, {"email_verified", true}});
  };
  try {
    return services.db->transact(confirm);
  } catch (const soci::soci_error&) {
    // Another account confirmed the same address between our check and our write (the unique
    // email_index refused it); the transaction rolled back, the code is still unspent.
    return ApiResponse::error(409, ErrorCode::EmailRegistered, "email");
  }
}

ApiResponse dev_mail(app::Services& services, const http::ApiRequest& request) {
  nlohmann::json messages = nlohmann::json::array();
  if (services.ports.mail_simulator) {
    for (const auto& sent : services.ports.mail_simulator->messages_for(normalize_email(request.query_value("to")))) {
      messages.push_back({{"to", sent.message.to}, {"purpose", sent.message.purpose}, {"code", sent.message.code},
                          {"subject", sent.message.subject}, {"text", sent.message.text},
                          {"sent_at", rfc3339(sent.sent_at)}});
    }
  }
  return ApiResponse::json(200, {{"messages", messages}});
}

}  // namespace uia::flows
