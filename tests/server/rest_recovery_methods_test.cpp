// E-mail binding, security questions, and the recovery methods they open (seed 002 六、七):
// PUT /api/v1/me/email + POST /api/v1/me/email/verify, GET/PUT /api/v1/me/security-questions,
// and POST /api/v1/recovery → methods, /recovery/{id}/email, /recovery/{id}/password by e-mail
// code or by answers (5 wrong sets lock that way), with the SMS form unchanged.
#include <fstream>
#include <thread>

#include "personal_centre_support.h"

namespace uia::rest {
namespace {

class RestRecoveryMethods : public PersonalCentreTest {
 protected:
  Reply start(const Applicant& a) {
    const Captcha c = captcha();
    return post("/api/v1/recovery", {{"name", a.name}, {"id_number", a.id_number}, {"captcha_id", c.id},
                                     {"captcha_answer", c.answer}});
  }
  std::string start_id(const Applicant& a) {
    const Reply started = start(a);
    EXPECT_EQ(started.status, 201) << started.body;
    return started.json.is_object() ? started.json.value("recovery_id", "") : "";
  }
  static std::string unique_email() {
    static int n = 0;
    return "chen.xm" + std::to_string(++n) + "_" + unique_account() + "@Example.com";
  }
  static std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  }
  static nlohmann::json right_answers() { return nlohmann::json::array({"  CHANGCHUN ", "南关区实验小学", "wang cai"}); }
  static nlohmann::json wrong_answers() { return nlohmann::json::array({"Jilin", "南关区实验小学", "wang cai"}); }
};

// ---- e-mail ----------------------------------------------------------------------------------

TEST_F(RestRecoveryMethods, BindsAnEmailAfterPasswordAndCode) {
  const SignedIn s = signed_in_adult();
  const std::string email = unique_email();
  expect_error(put("/api/v1/me/email", {{"password", "Wrong#2026pass"}, {"email", email}}, s.caller), 400, "PASSWORD_WRONG",
               "password");
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", "not-an-email"}}, s.caller), 400,
               "EMAIL_INVALID", "email");
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}}, s.caller), 400, "FIELD_REQUIRED", "email");
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", 7}}, s.caller), 400, "FIELD_TYPE", "email");
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", std::string(300, 'a') + "@x.cn"}},
                   s.caller),
               400, "FIELD_TYPE", "email");
  EXPECT_TRUE(newest_mail(lower(email)).is_null()) << "nothing sent for a refused request";

  const Reply sent = put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", email}}, s.caller);
  ASSERT_EQ(sent.status, 202) << sent.body;
  EXPECT_EQ(sent.json.value("email", ""), "c***@example.com");
  EXPECT_EQ(sent.json.value("expires_in", 0), 300);
  const nlohmann::json mail = newest_mail(email);
  ASSERT_TRUE(mail.is_object());
  EXPECT_EQ(mail.value("to", ""), lower(email));
  EXPECT_EQ(mail.value("purpose", ""), "verify_email");
  const std::string code = mail.value("code", "");
  ASSERT_EQ(code.size(), 6u);
  EXPECT_NE(mail.value("text", "").find(code), std::string::npos);
  // Not bound until the code comes back.
  EXPECT_EQ(get("/api/v1/me/profile", s.caller).json.value("email_verified", true), false);

  expect_error(post("/api/v1/me/email/verify", {{"email_code", code == "000000" ? "111111" : "000000"}}, s.caller), 400,
               "EMAIL_CODE_INVALID", "email_code");
  expect_error(post("/api/v1/me/email/verify", {{"email_code", "12ab56"}}, s.caller), 400, "EMAIL_CODE_INVALID");
  expect_error(post("/api/v1/me/email/verify", {{"email_code", 123456}}, s.caller), 400, "FIELD_TYPE", "email_code");
  const Reply verified = post("/api/v1/me/email/verify", {{"email_code", code}}, s.caller);
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.json.value("email", ""), "c***@example.com");
  expect_error(post("/api/v1/me/email/verify", {{"email_code", code}}, s.caller), 400, "EMAIL_CODE_EXPIRED");

  const Reply profile = get("/api/v1/me/profile", s.caller);
  EXPECT_EQ(profile.json.value("email", ""), "c***@example.com");
  EXPECT_EQ(profile.json.value("email_verified", false), true);
  EXPECT_EQ(profile.body.find(lower(email)), std::string::npos);
  EXPECT_EQ(count_rows("persons", "email_enc LIKE '%example%' OR email_index LIKE '%example%'"), 0);
  EXPECT_EQ(count_rows("persons", "email_verified_at IS NOT NULL AND id = " + std::to_string(s.person_id)), 1);
  EXPECT_EQ(count_rows("email_codes", "email_enc LIKE '%example%' OR code_hash = '" + code + "'"), 0);
  EXPECT_EQ(count_rows("audit_log", "action = 'email.change' AND result = 'ok'"), 1);
  EXPECT_EQ(count_rows("audit_log", "detail LIKE '%chen.xm%'"), 0);
  // The same address again is no change.
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", lower(email)}}, s.caller), 400,
               "EMAIL_UNCHANGED", "email");
}

TEST_F(RestRecoveryMethods, EmailCodesAllowFiveTriesAndExpire) {
  const SignedIn s = signed_in_adult();
  const std::string email = unique_email();
  ASSERT_EQ(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", email}}, s.caller).status, 202);
  const std::string code = newest_mail(email).value("code", "");
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i)
    expect_error(post("/api/v1/me/email/verify", {{"email_code", wrong}}, s.caller), 400, "EMAIL_CODE_INVALID");
  expect_error(post("/api/v1/me/email/verify", {{"email_code", code}}, s.caller), 400, "EMAIL_CODE_EXPIRED");

  // Resending waits a minute; a fresh code expires after five.
  const Reply again = put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", email}}, s.caller);
  expect_error(again, 429, "EMAIL_RATE_LIMITED");
  EXPECT_FALSE(again.header("retry-after").empty());
  // Nor can the account spray codes at other addresses meanwhile.
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", unique_email()}}, s.caller), 429,
               "EMAIL_RATE_LIMITED");
  advance(std::chrono::seconds(61));
  ASSERT_EQ(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", email}}, s.caller).status, 202);
  const std::string fresh = newest_mail(email).value("code", "");
  advance(std::chrono::seconds(301));
  const Caller caller = bearer_of(login(s.applicant.account, s.applicant.password));  // the session idled out
  expect_error(post("/api/v1/me/email/verify", {{"email_code", fresh}}, caller), 400, "EMAIL_CODE_EXPIRED");
}

TEST_F(RestRecoveryMethods, AnEmailBelongsToOneAccount) {
  const SignedIn first = signed_in_adult();
  const SignedIn second = signed_in_adult();
  const std::string email = unique_email();
  bind_email(first, email);
  advance(std::chrono::seconds(61));  // one code a minute per person
  expect_error(put("/api/v1/me/email", {{"password", second.applicant.password}, {"email", lower(email)}}, second.caller), 409,
               "EMAIL_REGISTERED", "email");
  // Two people asking for the same free address: the first to confirm gets it.
  const std::string shared = unique_email();
  ASSERT_EQ(put("/api/v1/me/email", {{"password", first.applicant.password}, {"email", shared}}, first.caller).status, 202);
  const std::string first_code = newest_mail(shared).value("code", "");
  advance(std::chrono::seconds(61));
  ASSERT_EQ(put("/api/v1/me/email", {{"password", second.applicant.password}, {"email", shared}}, second.caller).status, 202);
  const std::string second_code = newest_mail(shared).value("code", "");
  EXPECT_EQ(post("/api/v1/me/email/verify", {{"email_code", second_code}}, second.caller).status, 200);
  expect_error(post("/api/v1/me/email/verify", {{"email_code", first_code}}, first.caller), 409, "EMAIL_REGISTERED");
}

TEST_F(RestRecoveryMethods, EmailNeedsASession) {
  expect_error(put("/api/v1/me/email", {{"password", "x"}, {"email", "a@b.cn"}}, {}), 401, "UNAUTHENTICATED");
  expect_error(post("/api/v1/me/email/verify", {{"email_code", "123456"}}), 401, "UNAUTHENTICATED");
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  expect_error(put("/api/v1/me/email", {{"password", a.password}, {"email", "a@b.cn"}}, cookie_of(signed_in, false)), 403,
               "CSRF_INVALID");
}

// ---- security questions ----------------------------------------------------------------------

TEST_F(RestRecoveryMethods, SetsThreeQuestionsWithHashedAnswers) {
  const Reply catalogue = get("/api/v1/security-questions");
  ASSERT_EQ(catalogue.status, 200) << catalogue.body;
  ASSERT_GE(catalogue.json["questions"].size(), 6u);
  EXPECT_EQ(catalogue.json.value("count", 0), 3);

  const SignedIn s = signed_in_adult();
  EXPECT_EQ(get("/api/v1/me/security-questions", s.caller).json.value("set", true), false);
  const auto refused = [&](nlohmann::json body, const std::string& code, const std::string& field) {
    expect_error(put("/api/v1/me/security-questions", body, s.caller), 400, code, field);
  };
  const nlohmann::json three = three_questions();
  refused({{"password", "Wrong#2026pass"}, {"questions", three}}, "PASSWORD_WRONG", "password");
  refused({{"questions", three}}, "FIELD_REQUIRED", "password");
  refused({{"password", s.applicant.password}}, "FIELD_REQUIRED", "questions");
  refused({{"password", s.applicant.password}, {"questions", "birth_city"}}, "FIELD_TYPE", "questions");
  nlohmann::json two = three;
  two.erase(2);
  refused({{"password", s.applicant.password}, {"questions", two}}, "SECURITY_QUESTIONS_COUNT", "questions");
  nlohmann::json duplicate = three;
  duplicate[2]["question"] = "birth_city";
  refused({{"password", s.applicant.password}, {"questions", duplicate}}, "SECURITY_QUESTIONS_COUNT", "questions");
  nlohmann::json unknown = three;
  unknown[0]["question"] = "favourite_colour";
  refused({{"password", s.applicant.password}, {"questions", unknown}}, "SECURITY_QUESTION_INVALID", "questions");
  nlohmann::json blank = three;
  blank[1]["answer"] = "   ";
  refused({{"password", s.applicant.password}, {"questions", blank}}, "SECURITY_ANSWER_INVALID", "questions");
  nlohmann::json long_answer = three;
  long_answer[1]["answer"] = repeat("长", 51);
  refused({{"password", s.applicant.password}, {"questions", long_answer}}, "SECURITY_ANSWER_INVALID", "questions");
  nlohmann::json typed = three;
  typed[1]["answer"] = 42;
  refused({{"password", s.applicant.password}, {"questions", typed}}, "FIELD_TYPE", "answer");
  nlohmann::json not_objects = nlohmann::json::array({1, 2, 3});
  refused({{"password", s.applicant.password}, {"questions", not_objects}}, "FIELD_TYPE", "questions");
  EXPECT_EQ(count_rows("security_answers"), 0);

  const Reply set = put("/api/v1/me/security-questions", {{"password", s.applicant.password}, {"questions", three}}, s.caller);
  ASSERT_EQ(set.status, 200) << set.body;
  const Reply mine = get("/api/v1/me/security-questions", s.caller);
  EXPECT_EQ(mine.json.value("set", false), true);
  ASSERT_EQ(mine.json["questions"].size(), 3u);
  EXPECT_EQ(mine.json["questions"][0].value("id", ""), "birth_city");
  EXPECT_FALSE(mine.json["questions"][0].value("text", "").empty());
  EXPECT_EQ(mine.body.find("Changchun"), std::string::npos);
  EXPECT_EQ(mine.body.find("hangchun"), std::string::npos);
  EXPECT_EQ(count_rows("security_answers", "answer_hash LIKE '$argon2id$%'"), 3);
  EXPECT_EQ(count_rows("security_answers", "answer_hash LIKE '%hangchun%' OR answer_hash LIKE '%实验%'"), 0);
  EXPECT_TRUE(get("/api/v1/me/profile", s.caller).json.value("security_questions_set", false));
  EXPECT_EQ(count_rows("audit_log", "action = 'security_questions.set' AND result = 'ok'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'security_questions.set' AND result = 'denied'"), 1);
  // Setting again replaces the three.
  ASSERT_EQ(put("/api/v1/me/security-questions", {{"password", s.applicant.password}, {"questions", three}}, s.caller).status, 200);
  EXPECT_EQ(count_rows("security_answers", "person_id = " + std::to_string(s.person_id)), 3);
  expect_error(get("/api/v1/me/security-questions"), 401, "UNAUTHENTICATED");
}

// ---- recovery --------------------------------------------------------------------------------

TEST_F(RestRecoveryMethods, StartListsTheMethodsThePersonSetUp) {
  const SignedIn s = signed_in_adult();
  const Reply plain = start(s.applicant);
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_EQ(plain.json["methods"], nlohmann::json::array({"phone"}));
  EXPECT_EQ(plain.json.value("phone", ""), s.applicant.phone.substr(0, 3) + "****" + s.applicant.phone.substr(7));
  EXPECT_FALSE(plain.json.contains("email"));
  EXPECT_FALSE(plain.json.contains("questions"));

  bind_email(s, unique_email());
  set_questions(s);
  const Reply full = start(s.applicant);
  ASSERT_EQ(full.status, 201) << full.body;
  EXPECT_EQ(full.json["methods"], nlohmann::json::array({"phone", "email", "security_questions"}));
  EXPECT_EQ(full.json.value("email", "").substr(1), "***@example.com");
  ASSERT_EQ(full.json["questions"].size(), 3u);
  EXPECT_EQ(full.json["questions"][1].value("id", ""), "primary_school");
  EXPECT_EQ(full.body.find("Changchun"), std::string::npos);
}

TEST_F(RestRecoveryMethods, RecoversByEmailAndEndsEverySession) {
  const SignedIn s = signed_in_adult();
  const std::string email = unique_email();
  bind_email(s, email);
  advance(std::chrono::seconds(61));  // one code a minute per address
  const std::string id = start_id(s.applicant);
  const Reply sent = post("/api/v1/recovery/" + id + "/email", nlohmann::json::object());
  ASSERT_EQ(sent.status, 202) << sent.body;
  EXPECT_EQ(sent.json.value("email", ""), "c***@example.com");
  const nlohmann::json mail = newest_mail(email);
  EXPECT_EQ(mail.value("purpose", ""), "recover");
  const std::string code = mail.value("code", "");
  const std::string path = "/api/v1/recovery/" + id + "/password";
  expect_error(post(path, {{"method", "email"}, {"new_password", "New#2026pass"}}), 400, "FIELD_REQUIRED", "email_code");
  expect_error(post(path, {{"method", "email"}, {"email_code", code}, {"new_password", "short"}}), 400, "PASSWORD_INVALID",
               "new_password");
  expect_error(post(path, {{"method", "email"}, {"email_code", code == "000000" ? "111111" : "000000"},
                           {"new_password", "New#2026pass"}}),
               400, "EMAIL_CODE_INVALID", "email_code");
  const Reply done = post(path, {{"method", "email"}, {"email_code", code}, {"new_password", "New#2026pass"}});
  ASSERT_EQ(done.status, 204) << done.body;
  expect_error(get("/api/v1/me", s.caller), 401, "UNAUTHENTICATED");
  EXPECT_EQ(login(s.applicant.account, "New#2026pass").status, 201);
  EXPECT_EQ(login(s.applicant.account, s.applicant.password).status, 401);
  expect_error(post(path, {{"method", "email"}, {"email_code", code}, {"new_password", "New#2026pass"}}), 404, "FLOW_EXPIRED");
  EXPECT_EQ(count_rows("audit_log", "action = 'password.recover' AND result = 'ok' AND detail = 'email'"), 1);
}

TEST_F(RestRecoveryMethods, EmailRecoveryNeedsAVerifiedEmail) {
  const SignedIn s = signed_in_adult();
  const std::string id = start_id(s.applicant);
  expect_error(post("/api/v1/recovery/" + id + "/email", nlohmann::json::object()), 400, "RECOVERY_METHOD_UNAVAILABLE");
  expect_error(post("/api/v1/recovery/" + id + "/password",
                    {{"method", "email"}, {"email_code", "123456"}, {"new_password", "New#2026pass"}}),
               400, "RECOVERY_METHOD_UNAVAILABLE", "method");
  expect_error(post("/api/v1/recovery/" + id + "/password",
                    {{"method", "security_questions"}, {"answers", right_answers()}, {"new_password", "New#2026pass"}}),
               400, "RECOVERY_METHOD_UNAVAILABLE", "method");
  expect_error(post("/api/v1/recovery/nope/email", nlohmann::json::object()), 404, "FLOW_EXPIRED");
  expect_error(post("/api/v1/recovery/" + std::string(500, 'a') + "/email", nlohmann::json::object()), 404, "FLOW_EXPIRED");
}

TEST_F(RestRecoveryMethods, RecoversBySecurityQuestions) {
  const SignedIn s = signed_in_adult();
  set_questions(s);
  const std::string id = start_id(s.applicant);
  const std::string path = "/api/v1/recovery/" + id + "/password";
  expect_error(post(path, {{"method", "security_questions"}, {"new_password", "New#2026pass"}}), 400, "FIELD_REQUIRED", "answers");
  expect_error(post(path, {{"method", "security_questions"}, {"answers", "Changchun"}, {"new_password", "New#2026pass"}}), 400,
               "FIELD_TYPE", "answers");
  expect_error(post(path, {{"method", "security_questions"}, {"answers", nlohmann::json::array({"a", "b"})},
                           {"new_password", "New#2026pass"}}),
               400, "FIELD_TYPE", "answers");
  expect_error(post(path, {{"method", "security_questions"}, {"answers", nlohmann::json::array({1, 2, 3})},
                           {"new_password", "New#2026pass"}}),
               400, "FIELD_TYPE", "answers");
  expect_error(post(path, {{"method", "fax"}, {"new_password", "New#2026pass"}}), 400, "RECOVERY_METHOD_INVALID", "method");
  expect_error(post(path, {{"method", 1}, {"new_password", "New#2026pass"}}), 400, "FIELD_TYPE", "method");
  const Reply wrong = post(path, {{"method", "security_questions"}, {"answers", wrong_answers()}, {"new_password", "New#2026pass"}});
  expect_error(wrong, 400, "SECURITY_ANSWERS_WRONG", "answers");
  EXPECT_EQ(wrong.json["error"].value("remaining", -1), 4);
  // Trimmed and ASCII case-folded: "  CHANGCHUN " and "wang cai" match.
  const Reply done = post(path, {{"method", "security_questions"}, {"answers", right_answers()}, {"new_password", "New#2026pass"}});
  ASSERT_EQ(done.status, 204) << done.body;
  expect_error(get("/api/v1/me", s.caller), 401, "UNAUTHENTICATED");
  EXPECT_EQ(login(s.applicant.account, "New#2026pass").status, 201);
  EXPECT_EQ(count_rows("audit_log", "action = 'password.recover' AND result = 'ok' AND detail = 'security_questions'"), 1);
  EXPECT_EQ(count_rows("recovery_failures"), 0) << "a success clears the wrong tries";
}

TEST_F(RestRecoveryMethods, FiveWrongAnswerSetsLockTheQuestionsButNotThePhone) {
  const SignedIn s = signed_in_adult();
  set_questions(s);
  const std::string id = start_id(s.applicant);
  const std::string path = "/api/v1/recovery/" + id + "/password";
  for (int i = 0; i < 5; ++i) {
    const Reply wrong =
        post(path, {{"method", "security_questions"}, {"answers", wrong_answers()}, {"new_password", "New#2026pass"}});
    expect_error(wrong, 400, "SECURITY_ANSWERS_WRONG");
    EXPECT_EQ(wrong.json["error"].value("remaining", -1), 4 - i);
  }
  expect_error(post(path, {{"method", "security_questions"}, {"answers", right_answers()}, {"new_password", "New#2026pass"}}),
               423, "SECURITY_ANSWERS_LOCKED");
  // A new flow does not lift the lock.
  const std::string again = start_id(s.applicant);
  expect_error(post("/api/v1/recovery/" + again + "/password",
                    {{"method", "security_questions"}, {"answers", right_answers()}, {"new_password", "New#2026pass"}}),
               423, "SECURITY_ANSWERS_LOCKED");
  EXPECT_EQ(count_rows("audit_log", "action = 'password.recover' AND result = 'denied' AND detail = 'SECURITY_ANSWERS_WRONG'"), 5);
  // The phone still works, in the original form without "method".
  advance(std::chrono::seconds(61));  // the registration SMS went a moment ago
  ASSERT_EQ(post("/api/v1/recovery/" + again + "/sms", nlohmann::json::object()).status, 202);
  const std::string code = newest_sms(s.applicant.phone).value("code", "");
  const Reply by_sms = post("/api/v1/recovery/" + again + "/password", {{"sms_code", code}, {"new_password", "New#2026pass"}});
  EXPECT_EQ(by_sms.status, 204) << by_sms.body;
  // A day later the questions open again.
  advance(std::chrono::hours(24) + std::chrono::seconds(1));
  const std::string later = start_id(s.applicant);
  EXPECT_EQ(post("/api/v1/recovery/" + later + "/password",
                 {{"method", "security_questions"}, {"answers", right_answers()}, {"new_password", "Later#2026pass"}})
                .status,
            204);
}

TEST_F(RestRecoveryMethods, TheSmsFormStillWorksWithAndWithoutMethod) {
  const SignedIn s = signed_in_adult();
  advance(std::chrono::seconds(61));  // the registration SMS went a moment ago
  const std::string id = start_id(s.applicant);
  ASSERT_EQ(post("/api/v1/recovery/" + id + "/sms", nlohmann::json::object()).status, 202);
  const std::string code = newest_sms(s.applicant.phone).value("code", "");
  expect_error(post("/api/v1/recovery/" + id + "/password", {{"new_password", "New#2026pass"}}), 400, "FIELD_REQUIRED", "sms_code");
  const Reply done =
      post("/api/v1/recovery/" + id + "/password", {{"method", "sms"}, {"sms_code", code}, {"new_password", "New#2026pass"}});
  EXPECT_EQ(done.status, 204) << done.body;
  EXPECT_EQ(count_rows("audit_log", "action = 'password.recover' AND result = 'ok' AND detail = 'sms'"), 1);
}

// ---- without a working mail service ------------------------------------------------------

// A mail relay that cannot be reached: the citizen gets a clear 503, nothing is bound.
class RestMailRelayDown : public PersonalCentreTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    config.config_file = dir_ / "uia.json";
    const nlohmann::json file = {
        {"ports", {{"mail", {{"adapter", "http"}, {"endpoint", "http://127.0.0.1:9/mail"}, {"app_id", "uia"},
                             {"app_secret", "s3cret-mail"}, {"from", "noreply@uia.example.gov.cn"},
                             {"timeout_ms", 500}, {"connect_timeout_ms", 200}}}}}};
    std::ofstream(config.config_file) << file.dump();
  }
};

TEST_F(RestMailRelayDown, AnswersEmailSendFailed) {
  const SignedIn s = signed_in_adult();
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", "chen@example.com"}}, s.caller), 503,
               "EMAIL_SEND_FAILED");
  EXPECT_EQ(count_rows("audit_log", "action = 'email.send' AND result = 'failed'"), 1);
  EXPECT_EQ(get("/api/v1/me/profile", s.caller).json.value("email_verified", true), false);
}

// Production without a "mail" section runs with e-mail switched off (Ports::mail null). Dev mode
// always has the simulator, so this fixture removes it after start-up to stand for that case.
class RestMailOff : public PersonalCentreTest {
 protected:
  void SetUp() override {
    PersonalCentreTest::SetUp();
    platform_->services.ports.mail.reset();
  }
};

TEST_F(RestMailOff, EmailIsNeitherBoundNorOffered) {
  const SignedIn s = signed_in_adult();
  expect_error(put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", "chen@example.com"}}, s.caller), 503,
               "MAIL_UNAVAILABLE");
  const Captcha c = captcha();
  const Reply started = post("/api/v1/recovery", {{"name", s.applicant.name}, {"id_number", s.applicant.id_number},
                                                   {"captcha_id", c.id}, {"captcha_answer", c.answer}});
  ASSERT_EQ(started.status, 201) << started.body;
  EXPECT_EQ(started.json["methods"], nlohmann::json::array({"phone"}));
  expect_error(post("/api/v1/recovery/" + started.json.value("recovery_id", "") + "/email", nlohmann::json::object()), 400,
               "RECOVERY_METHOD_UNAVAILABLE");
}

// Guessing answers in parallel cannot outrun the limit: each try is counted before it is checked.
class RestRecoveryGuessing : public RestRecoveryMethods {
 protected:
  void configure(app::PlatformConfig& config) override { config.workers = 8; }
};

TEST_F(RestRecoveryGuessing, ParallelWrongAnswersStillLockAfterFive) {
  const SignedIn s = signed_in_adult();
  set_questions(s);
  const std::string path = "/api/v1/recovery/" + start_id(s.applicant) + "/password";
  constexpr int kGuesses = 12;
  std::vector<int> statuses(kGuesses);
  std::vector<std::thread> threads;
  for (int i = 0; i < kGuesses; ++i)
    threads.emplace_back([&, i] {
      statuses[i] =
          post(path, {{"method", "security_questions"}, {"answers", wrong_answers()}, {"new_password", "New#2026pass"}}).status;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 400), 5);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 423), kGuesses - 5);
  EXPECT_EQ(count_rows("recovery_failures"), 5);
  expect_error(post(path, {{"method", "security_questions"}, {"answers", right_answers()}, {"new_password", "New#2026pass"}}),
               423, "SECURITY_ANSWERS_LOCKED");
}

}  // namespace
}  // namespace uia::rest
