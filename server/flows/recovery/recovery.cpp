#include "flows/recovery/recovery.h"

#include <soci/soci.h>

#include <algorithm>

#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/email/email_codes.h"
#include "flows/login/in_flight_wait.h"
#include "flows/security_questions/security_questions.h"
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
constexpr const char* kQuestionsMethod = "security_questions";
constexpr int kMaxWrongAnswers = 5;
constexpr long long kWrongAnswerWindowSeconds = 24 * 3600;

std::string person_actor(long long id) { return "person:" + std::to_string(id); }

bool email_usable(const app::Services& services, const store::Person& person) {
  return services.ports.mail && person.email && person.email_verified_at;
}

// The ways this person can prove it is them (seed 002 七、密碼找回): phone, e-mail, questions.
// Whether the profile offers a method (its words: sms, email, security_question).
bool offered(const app::Services& services, std::string_view profile_word) {
  return profile_lists(services.profile().recovery_methods, profile_word);
}

nlohmann::json recovery_methods(const app::Services& services, const store::Person& person, bool questions_set) {
  nlohmann::json methods = nlohmann::json::array();
  if (person.phone && offered(services, "sms")) methods.push_back("phone");
  if (email_usable(services, person) && offered(services, "email")) methods.push_back("email");
  if (questions_set && offered(services, "security_question")) methods.push_back(kQuestionsMethod);
  return methods;
}

// Wrong answers counted since `since`, and answer checks still in flight (in_flight_wait.h).
struct AnswerTries {
  long long wrong = 0;
  long long in_flight = 0;
};
AnswerTries answer_tries(soci::session& sql, long long person_id, long long since, long long now) {
  AnswerTries tries;
  const long long stale = now - kPendingCheckSeconds;
  sql << "SELECT COALESCE(SUM(CASE WHEN pending = 0 AND failed_at > :s THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN pending = 1 AND failed_at > :stale THEN 1 ELSE 0 END), 0) "
         "FROM recovery_failures WHERE person_id = :p AND method = 'security_questions'",
      soci::use(since), soci::use(stale), soci::use(person_id), soci::into(tries.wrong), soci::into(tries.in_flight);
  return tries;
}

// The person behind a live recovery flow.
std::optional<store::Person> flow_person(app::Services& services, const http::ApiRequest& request) {
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->with_session([&](soci::session& sql) -> std::optional<store::Person> {
    const auto flow = find_flow(services, sql, request.params.at("id"), kKind);
    if (!flow) return std::nullopt;
    auto person = persons.find_by_id(sql, flow->person_id);
    if (!person || person->status == store::PersonStatus::Deleted) return std::nullopt;
    return person;
  });
}

// The last step of every method, in the caller's transaction: the new password, every session
// revoked, sign-in locks lifted, the flow closed, the audit entry.
ApiResponse complete_recovery(app::Services& services, soci::session& sql, const store::Person& person,
                              const std::string& hash, const std::string& flow_id, const std::string& method,
                              const std::string& client_ip) {
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  persons.update_password(sql, person.id, hash, now);
  revoke_all_sessions(services, sql, person.id);
  // A recovered account starts without the lock its forgotten password may have earned.
  const std::string by_account = (*services.blind_index)("login", normalize_document_number(person.account.value_or("")));
  const std::string by_phone = (*services.blind_index)("login", normalize_document_number(person.phone.value_or("")));
  sql << "DELETE FROM login_failures WHERE subject_key IN (:a, :b)", soci::use(by_account), soci::use(by_phone);
  close_flow(sql, flow_id);
  record_audit(sql, now, {person_actor(person.id), "password.recover", person_actor(person.id), client_ip, "ok", method});
  return ApiResponse::no_content();
}

// {"answers": ["...", "...", "..."]} in the order the questions were listed.
std::optional<ApiResponse> read_answers(const nlohmann::json& body, std::vector<std::string>& out) {
  const auto it = body.find("answers");
  if (it == body.end() || it->is_null()) return ApiResponse::error(400, ErrorCode::FieldRequired, "answers");
  if (!it->is_array() || it->size() != kSecurityQuestionCount) return ApiResponse::error(400, ErrorCode::FieldType, "answers");
  for (const auto& answer : *it) {
    if (!answer.is_string() || answer.get_ref<const std::string&>().size() > 400)
      return ApiResponse::error(400, ErrorCode::FieldType, "answers");
    out.push_back(answer.get<std::string>());
  }
  return std::nullopt;
}

ApiResponse finish_by_sms(app::Services& services, const http::ApiRequest& request, const store::Person& person,
                          const std::string& code, const std::string& hash) {
  if (!person.phone) return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, *person.phone, "recover", code, SmsCodeUse::Consume); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    return complete_recovery(services, sql, person, hash, request.params.at("id"), "sms", request.client_ip);
  });
}

ApiResponse finish_by_email(app::Services& services, const http::ApiRequest& request, const store::Person& person,
                            const std::string& code, const std::string& hash) {
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const EmailCodeCheck check = consume_email_code(services, sql, person.id, "recover", code);
    if (check.error != ErrorCode::Ok) return ApiResponse::error(400, check.error, "email_code");
    // A code sent to an address the person has since replaced proves nothing now.
    if (check.email != *person.email) return ApiResponse::error(400, ErrorCode::EmailCodeExpired, "email_code");
    return complete_recovery(services, sql, person, hash, request.params.at("id"), "email", request.client_ip);
  });
}

ApiResponse finish_by_questions(app::Services& services, const http::ApiRequest& request, const store::Person& person,
                                const std::vector<std::string>& answers, const std::string& hash) {
  const long long now = services.now_seconds();
  const long long since = now - kWrongAnswerWindowSeconds;
  // The try is recorded before the answers are checked, so parallel guesses cannot outrun the
  // limit; it counts as wrong only once it is known wrong (the right answers given twice at
  // once must not lock the person out).
  struct Reservation {
    long long attempt = 0;  // 0: locked, or no answers are set
    bool unavailable = false;
  };
  std::vector<StoredSecurityAnswer> stored;
  const auto reserved = wait_for_checks_in_flight([&]() -> std::optional<Reservation> {
    return services.db->transact([&](soci::session& sql) -> std::optional<Reservation> {
      sql << "UPDATE persons SET updated_at = updated_at WHERE id = :p", soci::use(person.id);  // per-person lock (MySQL)
      const AnswerTries tries = answer_tries(sql, person.id, since, now);
      if (tries.wrong >= kMaxWrongAnswers) return Reservation{};
      if (tries.wrong + tries.in_flight >= kMaxWrongAnswers) return std::nullopt;
      stored = load_security_answers(sql, person.id);
      if (stored.empty()) return Reservation{0, true};
      Reservation reservation;
      sql << "INSERT INTO recovery_failures (person_id, method, failed_at, client_ip, pending) "
             "VALUES (:p, 'security_questions', :t, :ip, 1)",
          soci::use(person.id), soci::use(now), soci::use(request.client_ip);
      sql.get_last_insert_id("recovery_failures", reservation.attempt);
      return reservation;
    });
  });
  if (!reserved) return ApiResponse::error(429, ErrorCode::TooManyRequests).retry_after(1);
  if (reserved->unavailable) return ApiResponse::error(400, ErrorCode::RecoveryMethodUnavailable, "method");
  if (reserved->attempt == 0) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {person_actor(person.id), "password.recover", person_actor(person.id), request.client_ip,
                              "denied", "SECURITY_ANSWERS_LOCKED"});
    });
    return ApiResponse::error(423, ErrorCode::SecurityAnswersLocked, "answers");
  }
  if (!security_answers_match(services, stored, answers)) {
    const long long wrong = services.db->transact([&](soci::session& sql) {
      sql << "UPDATE recovery_failures SET pending = 0 WHERE id = :id", soci::use(reserved->attempt);
      record_audit(sql, now, {person_actor(person.id), "password.recover", person_actor(person.id), request.client_ip,
                              "denied", "SECURITY_ANSWERS_WRONG"});
      return answer_tries(sql, person.id, since, now).wrong;
    });
    ApiResponse out = ApiResponse::error(400, ErrorCode::SecurityAnswersWrong, "answers");
    out.body["error"]["remaining"] = std::max<long long>(0, kMaxWrongAnswers - wrong);
    return out;
  }
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    // The flow may have been finished by a parallel request meanwhile.
    if (!find_flow(services, sql, request.params.at("id"), kKind)) {
      sql << "DELETE FROM recovery_failures WHERE id = :id", soci::use(reserved->attempt);
      return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
    }
    sql << "DELETE FROM recovery_failures WHERE person_id = :p AND method = 'security_questions'", soci::use(person.id);
    return complete_recovery(services, sql, person, hash, request.params.at("id"), kQuestionsMethod, request.client_ip);
  });
}

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
    const bool questions_set = person && !load_security_answers(sql, person->id).empty();
    const bool can_recover = person && (person->phone || email_usable(services, *person) || questions_set);
    if (!person || person->name != name || person->status == store::PersonStatus::Deleted || !can_recover) {
      record_audit(sql, now, {"anonymous", "password.recover.start", "", request.client_ip, "denied", "PERSON_NOT_FOUND"});
      return ApiResponse::error(404, ErrorCode::PersonNotFound, "id_number");
    }
    const SelfServiceFlow flow = open_flow(services, sql, kKind, person->id, "identified", kRecoveryTtlSeconds, request.client_ip);
    record_audit(sql, now, {"person:" + std::to_string(person->id), "password.recover.start",
                            "person:" + std::to_string(person->id), request.client_ip, "ok", ""});
    nlohmann::json body = {{"recovery_id", flow.id}, {"expires_in", kRecoveryTtlSeconds},
                           {"methods", recovery_methods(services, *person, questions_set)}};
    if (person->phone) body["phone"] = mask_phone(*person->phone);
    if (email_usable(services, *person)) body["email"] = mask_email(*person->email);
    if (questions_set) {
      nlohmann::json questions = nlohmann::json::array();
      for (const auto& a : load_security_answers(sql, person->id)) {
        questions.push_back({{"id", a.question}, {"text", security_question_text(services, a.question)}});
      }
      body["questions"] = questions;
    }
    return ApiResponse::json(201, body);
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

ApiResponse send_recovery_email(app::Services& services, const http::ApiRequest& request) {
  const auto person = flow_person(services, request);
  if (!person) return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
  if (!email_usable(services, *person)) return ApiResponse::error(400, ErrorCode::RecoveryMethodUnavailable, "method");
  const auto sent = send_email_code(services, person->id, *person->email, "recover", request.client_ip);
  if (sent.error == ErrorCode::EmailRateLimited) return ApiResponse::error(429, sent.error).retry_after(sent.retry_after);
  if (sent.error != ErrorCode::Ok) return ApiResponse::error(503, sent.error);
  return ApiResponse::json(202, {{"expires_in", sent.expires_in}, {"resend_after", sent.resend_after},
                                 {"email", mask_email(*person->email)}});
}

ApiResponse finish_recovery(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  // Without "method" the request is the original SMS form.
  const std::string method = fields.optional("method").value_or("sms");
  std::string code;
  std::vector<std::string> answers;
  if (method == "sms") code = fields.required("sms_code");
  else if (method == "email") code = fields.required("email_code");
  const std::string new_password = fields.required("new_password");
  if (fields.failed()) return fields.error();
  if ((method != "sms" && method != "email" && method != kQuestionsMethod) ||
      !offered(services, method == kQuestionsMethod ? "security_question" : method))
    return ApiResponse::error(400, ErrorCode::RecoveryMethodInvalid, "method");
  if (method == kQuestionsMethod) {
    if (auto refusal = read_answers(*body, answers)) return *refusal;
  }
  const auto person = flow_person(services, request);
  if (!person) return ApiResponse::error(404, ErrorCode::FlowExpired, "recovery_id");
  if (method == "email" && !email_usable(services, *person))
    return ApiResponse::error(400, ErrorCode::RecoveryMethodUnavailable, "method");
  if (Verdict v = check_password(new_password, person->account.value_or(""), services.profile().password, person->name);
      !v.ok())
    return ApiResponse::error(400, v, "new_password");
  const std::string hash = services.passwords->hash(new_password);
  if (hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  if (method == "sms") return finish_by_sms(services, request, *person, code, hash);
  if (method == "email") return finish_by_email(services, request, *person, code, hash);
  return finish_by_questions(services, request, *person, answers, hash);
}

}  // namespace uia::flows
