#include "flows/security_questions/security_questions.h"

#include <soci/soci.h>

#include <set>

#include "flows/audit/audit_log.h"
#include "flows/profile/free_text.h"
#include "flows/sessions/signed_in_person.h"
#include "http/json_fields.h"

namespace uia::flows {
namespace {
using http::ApiResponse;


struct Choice {
  std::string question;
  std::string answer;  // normalised
};

// {"questions": [{"question": id, "answer": text} x3]}: the first problem as the answer to send.
std::optional<ApiResponse> read_choices(const Profile& profile, const nlohmann::json& body, std::vector<Choice>& out) {
  const auto it = body.find("questions");
  if (it == body.end() || it->is_null()) return ApiResponse::error(400, ErrorCode::FieldRequired, "questions");
  if (!it->is_array()) return ApiResponse::error(400, ErrorCode::FieldType, "questions");
  if (it->size() != kSecurityQuestionCount) return ApiResponse::error(400, ErrorCode::SecurityQuestionsCount, "questions");
  std::set<std::string> seen;
  for (const auto& item : *it) {
    if (!item.is_object()) return ApiResponse::error(400, ErrorCode::FieldType, "questions");
    http::JsonFields fields(item, 400);
    Choice choice;
    choice.question = fields.required("question");
    const std::string raw = fields.required("answer");
    if (fields.failed()) return fields.error();
    if (!catalogue_has(profile.security_questions, choice.question))
      return ApiResponse::error(400, ErrorCode::SecurityQuestionInvalid, "questions");
    if (!seen.insert(choice.question).second)
      return ApiResponse::error(400, ErrorCode::SecurityQuestionsCount, "questions");
    choice.answer = normalize_security_answer(raw);
    if (choice.answer.empty() || check_free_text(choice.answer, kSecurityAnswerMaxChars) != ErrorCode::Ok)
      return ApiResponse::error(400, ErrorCode::SecurityAnswerInvalid, "questions");
    out.push_back(std::move(choice));
  }
  return std::nullopt;
}

}  // namespace

std::string security_question_text(const app::Services& services, std::string_view id) {
  return std::string(catalogue_label(services.profile().security_questions, id));
}

std::string normalize_security_answer(std::string_view answer) {
  std::string out = trim_text(answer);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<StoredSecurityAnswer> load_security_answers(soci::session& sql, long long person_id) {
  std::vector<StoredSecurityAnswer> out;
  StoredSecurityAnswer a;
  soci::statement st = (sql.prepare << "SELECT slot, question, answer_hash FROM security_answers "
                                       "WHERE person_id = :p ORDER BY slot",
                        soci::use(person_id), soci::into(a.slot), soci::into(a.question), soci::into(a.answer_hash));
  st.execute();
  while (st.fetch()) out.push_back(a);
  return out;
}

bool security_answers_match(const app::Services& services, const std::vector<StoredSecurityAnswer>& stored,
                            const std::vector<std::string>& answers) {
  if (stored.empty() || answers.size() != stored.size()) return false;
  bool all = true;
  // Every answer is checked, right or wrong, so the time taken does not say which one failed.
  for (std::size_t i = 0; i < stored.size(); ++i)
    all = services.passwords->verify(stored[i].answer_hash, normalize_security_answer(answers[i])) && all;
  return all;
}

ApiResponse list_security_questions(app::Services& services, const http::ApiRequest&) {
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : services.profile().security_questions) questions.push_back({{"id", q.code}, {"text", q.label}});
  return ApiResponse::json(200, {{"questions", questions}, {"count", kSecurityQuestionCount},
                                 {"answer_max_chars", kSecurityAnswerMaxChars}});
}

ApiResponse get_my_security_questions(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const auto& person = std::get<store::Person>(who);
  const auto stored = services.db->with_session([&](soci::session& sql) { return load_security_answers(sql, person.id); });
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& a : stored) {
    questions.push_back({{"slot", a.slot}, {"id", a.question}, {"text", security_question_text(services, a.question)}});
  }
  return ApiResponse::json(200, {{"set", !stored.empty()}, {"questions", questions}});
}

ApiResponse set_my_security_questions(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const auto& person = std::get<store::Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string password = fields.required("password");
  if (fields.failed()) return fields.error();
  std::vector<Choice> choices;
  if (auto refusal = read_choices(services.profile(), *body, choices)) return *refusal;
  const long long now = services.now_seconds();
  if (!person.password_hash || !services.passwords->verify(*person.password_hash, password)) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {actor_of(person), "security_questions.set", actor_of(person), request.client_ip, "denied",
                              "PASSWORD_WRONG"});
    });
    return ApiResponse::error(400, ErrorCode::PasswordWrong, "password");
  }
  // Hash before the transaction: Argon2id is slow and needs no lock.
  std::vector<std::string> hashes;
  for (const auto& c : choices) {
    hashes.push_back(services.passwords->hash(c.answer));
    if (hashes.back().empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  }
  services.db->transact([&](soci::session& sql) {
    sql << "DELETE FROM security_answers WHERE person_id = :p", soci::use(person.id);
    for (std::size_t i = 0; i < choices.size(); ++i) {
      const int slot = static_cast<int>(i) + 1;
      sql << "INSERT INTO security_answers (person_id, slot, question, answer_hash, created_at) VALUES (:p, :s, :q, :h, :c)",
          soci::use(person.id), soci::use(slot), soci::use(choices[i].question), soci::use(hashes[i]), soci::use(now);
    }
    // New answers start with a clean slate of wrong tries.
    sql << "DELETE FROM recovery_failures WHERE person_id = :p AND method = 'security_questions'", soci::use(person.id);
    record_audit(sql, now, {actor_of(person), "security_questions.set", actor_of(person), request.client_ip, "ok", ""});
  });
  return get_my_security_questions(services, request);
}

}  // namespace uia::flows
