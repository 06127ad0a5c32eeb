// 密保问题 (seed 002 六、安全中心 and 七、密保方式找回): three different questions from a fixed
// catalogue, answers normalised (trimmed, ASCII case-folded) and stored only as Argon2id
// hashes. Setting them needs the login password; they then offer a way to recover a forgotten
// password (flows/recovery).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

constexpr std::size_t kSecurityQuestionCount = 3;
constexpr std::size_t kSecurityAnswerMaxChars = 50;

// The catalogue is the province profile's security_questions (code = question id, label = its
// zh-CN text). The text of a stored question; empty when the profile no longer lists it.
std::string security_question_text(const app::Services& services, std::string_view id);

// Trim (ASCII white space and U+3000), fold ASCII letters to lower case.
std::string normalize_security_answer(std::string_view answer);

struct StoredSecurityAnswer {
  int slot = 0;
  std::string question;
  std::string answer_hash;
};
// In slot order; empty when the person set none.
std::vector<StoredSecurityAnswer> load_security_answers(soci::session& sql, long long person_id);
// true when every answer (in slot order, raw as typed) matches its stored hash.
bool security_answers_match(const app::Services& services, const std::vector<StoredSecurityAnswer>& stored,
                            const std::vector<std::string>& answers);

http::ApiResponse list_security_questions(app::Services& services, const http::ApiRequest& request);    // GET /api/v1/security-questions
http::ApiResponse get_my_security_questions(app::Services& services, const http::ApiRequest& request);  // GET /api/v1/me/security-questions
http::ApiResponse set_my_security_questions(app::Services& services, const http::ApiRequest& request);  // PUT /api/v1/me/security-questions

}  // namespace uia::flows
