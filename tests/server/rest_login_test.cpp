// Signing in over HTTP: by account, phone or ID number with password + captcha, by SMS code;
// the identical answer for wrong passwords and unknown accounts; lockout; the session cookie.
#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestLogin : public RestTest {
 protected:
  void expect_locked(const Reply& reply, long long retry_after) {
    EXPECT_EQ(reply.status, 423) << reply.body;
    EXPECT_EQ(reply.error_code(), "ACCOUNT_LOCKED");
    EXPECT_EQ(reply.json["error"].value("retry_after", -1LL), retry_after) << reply.body;
    EXPECT_EQ(reply.header("retry-after"), std::to_string(retry_after));
    EXPECT_FALSE(reply.json.contains("token"));
  }
  void expect_signed_in(const Reply& reply) {
    EXPECT_EQ(reply.status, 201) << reply.body;
    EXPECT_FALSE(reply.json.value("token", "").empty()) << reply.body;
  }
};

// A resident ID number whose check character is X (about one number in eleven).
std::string resident_id_ending_in_x(Date birth) {
  for (int i = 0; i < 200; ++i) {
    const std::string id = make_resident_id(birth);
    if (id.back() == 'X') return id;
  }
  return "";
}

TEST_F(RestLogin, ByAccountName) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  expect_signed_in(signed_in);
  EXPECT_EQ(signed_in.json.value("expires_in", 0), 1800);
  EXPECT_FALSE(signed_in.json.value("csrf_token", "").empty());
  const auto& subject = signed_in.json["subject"];
  EXPECT_EQ(subject.value("type", ""), "person");
  EXPECT_GT(subject.value("person_id", 0LL), 0);
  EXPECT_EQ(subject.value("name", ""), "陈**");  // 陈小明, masked
  EXPECT_EQ(subject.value("level", 0), 3);
  // Account names do not depend on case.
  std::string upper = a.account;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  expect_signed_in(login(upper, a.password));
}

TEST_F(RestLogin, ByPhone) {
  const Applicant a = active_adult();
  expect_signed_in(login(a.phone, a.password));
}

TEST_F(RestLogin, ByIdNumberWithLowerCaseX) {
  Applicant a = adult_resident();
  a.id_number = resident_id_ending_in_x({1990, 5, 17});
  ASSERT_FALSE(a.id_number.empty());
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  ASSERT_EQ(complete_face(registered.json.value("face_ticket", ""), "pass").status, 200);
  expect_signed_in(login(a.id_number, a.password));
  std::string lower = a.id_number;
  lower.back() = 'x';
  expect_signed_in(login(lower, a.password));
}

TEST_F(RestLogin, WrongPasswordAndUnknownAccountGetTheSameAnswer) {
  const Applicant a = active_adult();
  const Reply wrong_password = login(a.account, "Wrong#pass1");
  const Reply unknown_account = login("nobody" + a.account, "Wrong#pass1");
  const Reply unknown_phone = login(unique_phone(), "Wrong#pass1");
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(wrong_password.error_code(), "CREDENTIALS_INVALID");
  EXPECT_EQ(wrong_password.json["error"].value("message", ""), "账号或密码错误");
  for (const Reply* other : {&unknown_account, &unknown_phone}) {
    EXPECT_EQ(other->status, wrong_password.status);
    EXPECT_EQ(other->body, wrong_password.body);
    EXPECT_EQ(other->header("set-cookie"), "");
  }
}

TEST_F(RestLogin, FiveFailuresLockForThirtyMinutes) {
  const Applicant a = active_adult();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login(a.account, "Wrong#pass1").status, 401) << i;
  expect_locked(login(a.account, "Wrong#pass1"), 1800);
  // The right password does not get through a lock.
  expect_locked(login(a.account, a.password), 1800);
  advance(29min);
  expect_locked(login(a.account, a.password), 60);
  advance(2min);
  expect_signed_in(login(a.account, a.password));
}

TEST_F(RestLogin, UnknownIdentifiersLockToo) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login("ghost_user1", "Wrong#pass1").status, 401) << i;
  expect_locked(login("ghost_user1", "Wrong#pass1"), 1800);
}

TEST_F(RestLogin, FailuresOutsideTheWindowDoNotLock) {
  const Applicant a = active_adult();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login(a.account, "Wrong#pass1").status, 401);
  advance(16min);
  EXPECT_EQ(login(a.account, "Wrong#pass1").status, 401);
  expect_signed_in(login(a.account, a.password));
}

TEST_F(RestLogin, SuccessClearsEarlierFailures) {
  const Applicant a = active_adult();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login(a.account, "Wrong#pass1").status, 401);
  expect_signed_in(login(a.account, a.password));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login(a.account, "Wrong#pass1").status, 401) << i;
}

TEST_F(RestLogin, WrongCaptchasDoNotCountAsFailures) {
  const Applicant a = active_adult();
  for (int i = 0; i < 6; ++i) {
    const Captcha c = captcha();
    const Reply refused = post("/api/v1/sessions", {{"method", "password"},
                                                     {"identifier", a.account},
                                                     {"password", a.password},
                                                     {"captcha_id", c.id},
                                                     {"captcha_answer", c.answer + "Q"}});
    EXPECT_EQ(refused.error_code(), "CAPTCHA_INVALID");
  }
  expect_signed_in(login(a.account, a.password));
}

TEST_F(RestLogin, BySmsCode) {
  const Applicant a = active_adult();
  advance(61s);
  const Reply signed_in = sms_login(a.phone);
  expect_signed_in(signed_in);
  EXPECT_EQ(signed_in.json["subject"].value("level", 0), 3);
  EXPECT_EQ(get("/api/v1/me", bearer_of(signed_in)).status, 200);
}

TEST_F(RestLogin, SmsCodeForAPhoneWithoutAccountIsCredentialsInvalid) {
  const Reply refused = sms_login(unique_phone());
  EXPECT_EQ(refused.status, 401) << refused.body;
  EXPECT_EQ(refused.error_code(), "CREDENTIALS_INVALID");
}

TEST_F(RestLogin, WrongSmsCodeIsRefused) {
  const Applicant a = active_adult();
  advance(61s);
  const std::string code = sms_code(a.phone, "login");
  const std::string wrong = code == "000000" ? "111111" : "000000";
  const Reply refused = post("/api/v1/sessions", {{"method", "sms"}, {"phone", a.phone}, {"sms_code", wrong}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.error_code(), "SMS_CODE_INVALID");
  // Single use: the right code works once.
  expect_signed_in(post("/api/v1/sessions", {{"method", "sms"}, {"phone", a.phone}, {"sms_code", code}}));
  const Reply replay = post("/api/v1/sessions", {{"method", "sms"}, {"phone", a.phone}, {"sms_code", code}});
  EXPECT_EQ(replay.error_code(), "SMS_CODE_EXPIRED") << replay.body;
}

TEST_F(RestLogin, SetsAnHttpOnlyLaxSessionCookieWithoutSecureInDevMode) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  expect_signed_in(signed_in);
  const std::string cookie = signed_in.header("set-cookie");
  const std::string token = signed_in.json.value("token", "");
  EXPECT_EQ(cookie.rfind("uia_session=" + token, 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
}

TEST_F(RestLogin, TokenWorksAsBearerAndAsCookie) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  EXPECT_EQ(get("/api/v1/me", bearer_of(signed_in)).status, 200);
  EXPECT_EQ(get("/api/v1/me", cookie_of(signed_in, false)).status, 200);
}

TEST_F(RestLogin, EachLoginIsANewSession) {
  const Applicant a = active_adult();
  const Reply first = login(a.account, a.password);
  const Reply second = login(a.account, a.password);
  EXPECT_NE(first.json.value("token", "a"), second.json.value("token", "b"));
  EXPECT_NE(first.json.value("csrf_token", "a"), second.json.value("csrf_token", "b"));
}

TEST_F(RestLogin, UnknownMethodIsRefused) {
  const Reply refused = post("/api/v1/sessions", {{"method", "fingerprint"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.error_code(), "LOGIN_METHOD_INVALID");
  EXPECT_EQ(refused.error_field(), "method");
}

}  // namespace
}  // namespace uia::rest
