// SMS codes over HTTP: sending, the dev inbox, the per-phone limits, expiry, wrong tries and
// the binding of a code to one phone and one purpose.
#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestSms : public RestTest {
 protected:
  void expect_limited(const Reply& reply, long long retry_after) {
    EXPECT_EQ(reply.status, 429) << reply.body;
    EXPECT_EQ(reply.error_code(), "SMS_RATE_LIMITED");
    EXPECT_EQ(reply.json["error"].value("retry_after", -1LL), retry_after) << reply.body;
    EXPECT_EQ(reply.header("retry-after"), std::to_string(retry_after));
  }
};

std::string other_code(const std::string& code) {
  std::string wrong = code;
  wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
  return wrong;
}

TEST_F(RestSms, SendsASixDigitCodeValidForFiveMinutes) {
  const std::string phone = unique_phone();
  const Reply sent = request_sms(phone, "register");
  ASSERT_EQ(sent.status, 202) << sent.body;
  EXPECT_EQ(sent.json, nlohmann::json({{"expires_in", 300}, {"resend_after", 60}}));

  const Reply inbox = get("/api/dev/sms?phone=" + phone);
  ASSERT_EQ(inbox.status, 200);
  ASSERT_EQ(inbox.json["messages"].size(), 1u) << inbox.body;
  const auto& message = inbox.json["messages"][0];
  const std::string code = message.value("code", "");
  ASSERT_EQ(code.size(), 6u);
  EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos);
  EXPECT_EQ(message.value("purpose", ""), "register");
  EXPECT_EQ(message.value("sent_at", ""), "2026-11-25T12:00:00Z");
  const std::string text = message.value("text", "");
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("验证码"), std::string::npos) << text;
  EXPECT_NE(text.find("5分钟"), std::string::npos) << text;

  // Another phone's inbox stays empty.
  EXPECT_TRUE(get("/api/dev/sms?phone=" + unique_phone()).json["messages"].empty());
}

TEST_F(RestSms, InboxIsNewestFirst) {
  const std::string phone = unique_phone();
  ASSERT_EQ(request_sms(phone, "register").status, 202);
  advance(61s);
  ASSERT_EQ(request_sms(phone, "login").status, 202);
  const auto messages = get("/api/dev/sms?phone=" + phone).json["messages"];
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].value("purpose", ""), "login");
  EXPECT_EQ(messages[1].value("purpose", ""), "register");
}

TEST_F(RestSms, CodesAreStoredOnlyAsHashes) {
  const std::string phone = unique_phone();
  const std::string code = sms_code(phone, "register");
  ASSERT_EQ(count_rows("sms_codes"), 1);
  EXPECT_EQ(count_rows("sms_codes", "code_hash LIKE '%" + code + "%'"), 0);
  EXPECT_EQ(count_rows("sms_codes", "phone_index LIKE '%" + phone + "%'"), 0);
}

TEST_F(RestSms, OneAMinute) {
  const std::string phone = unique_phone();
  ASSERT_EQ(request_sms(phone, "register").status, 202);
  expect_limited(request_sms(phone, "register"), 60);
  advance(59s);
  // Other purposes share the limit: it protects the phone's owner, not one form.
  expect_limited(request_sms(phone, "login"), 1);
  advance(1s);
  EXPECT_EQ(request_sms(phone, "register").status, 202);
  // Another phone is not affected.
  EXPECT_EQ(request_sms(unique_phone(), "register").status, 202);
}

TEST_F(RestSms, ThreeAnHour) {
  const std::string phone = unique_phone();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(request_sms(phone, "register").status, 202) << i;
    advance(60s);
  }
  // Sent at 0, 60 and 120 s; now 180 s: the first leaves the hour window at 3600 s.
  expect_limited(request_sms(phone, "register"), 3600 - 180);
  advance(std::chrono::seconds(3600 - 180 - 1));
  expect_limited(request_sms(phone, "register"), 1);
  advance(1s);
  EXPECT_EQ(request_sms(phone, "register").status, 202);
}

TEST_F(RestSms, FiveADay) {
  const std::string phone = unique_phone();
  // 0, 60, 120 s; then 3600 and 3660 s (the hour window has room again).
  for (const auto at : {0s, 60s, 60s, 3480s, 60s}) {
    advance(at);
    EXPECT_EQ(request_sms(phone, "register").status, 202);
  }
  advance(3640s);  // 7300 s: nothing in the last hour, five today
  expect_limited(request_sms(phone, "register"), 86400 - 7300);
  advance(std::chrono::seconds(86400 - 7300));  // the first send leaves the day window
  EXPECT_EQ(request_sms(phone, "register").status, 202);
}

TEST_F(RestSms, BadPhoneIsPhoneInvalid) {
  for (const std::string phone : {"1234", "25012345678", "150123456789", "1501234567a", "150-1234-567"}) {
    const Reply refused = request_sms(phone, "register");
    EXPECT_EQ(refused.status, 400) << phone << " " << refused.body;
    EXPECT_EQ(refused.error_code(), "PHONE_INVALID") << phone;
    EXPECT_EQ(refused.error_field(), "phone") << phone;
    EXPECT_FALSE(refused.json["error"].value("message", "").empty());
  }
}

TEST_F(RestSms, UnknownPurposeIsRefused) {
  const Reply refused = request_sms(unique_phone(), "lottery");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.error_code(), "SMS_PURPOSE_INVALID");
  EXPECT_EQ(refused.error_field(), "purpose");
}

TEST_F(RestSms, EveryContractPurposeIsAccepted) {
  for (const char* purpose : {"register", "activate", "login", "recover", "change_phone", "delete_account",
                              "enterprise_register", "enterprise_recover"}) {
    EXPECT_EQ(request_sms(unique_phone(), purpose).status, 202) << purpose;
  }
}

TEST_F(RestSms, CodeExpiresAfterFiveMinutes) {
  const Applicant a = adult_resident();
  const std::string code = sms_code(a.phone, "register");
  advance(301s);
  const Reply late = register_with_code(a, code);
  EXPECT_EQ(late.status, 400) << late.body;
  EXPECT_EQ(late.error_code(), "SMS_CODE_EXPIRED");
  EXPECT_EQ(late.error_field(), "sms_code");
  EXPECT_EQ(count_rows("persons"), 0);
  // A fresh code works.
  EXPECT_EQ(register_person(a).status, 201);
}

TEST_F(RestSms, CodeIsStillGoodJustBeforeFiveMinutes) {
  const Applicant a = adult_resident();
  const std::string code = sms_code(a.phone, "register");
  advance(299s);
  EXPECT_EQ(register_with_code(a, code).status, 201);
}

TEST_F(RestSms, FiveWrongTriesKillTheCode) {
  const Applicant a = adult_resident();
  const std::string code = sms_code(a.phone, "register");
  for (int i = 0; i < 5; ++i) {
    const Reply wrong = register_with_code(a, other_code(code));
    EXPECT_EQ(wrong.status, 400) << wrong.body;
    EXPECT_EQ(wrong.error_code(), "SMS_CODE_INVALID") << i;
    EXPECT_EQ(wrong.error_field(), "sms_code");
  }
  const Reply dead = register_with_code(a, code);
  EXPECT_EQ(dead.status, 400) << dead.body;
  EXPECT_EQ(dead.error_code(), "SMS_CODE_EXPIRED");
  EXPECT_EQ(count_rows("persons"), 0);
}

TEST_F(RestSms, FourWrongTriesLeaveTheCodeUsable) {
  const Applicant a = adult_resident();
  const std::string code = sms_code(a.phone, "register");
  for (int i = 0; i < 4; ++i) EXPECT_EQ(register_with_code(a, other_code(code)).error_code(), "SMS_CODE_INVALID");
  EXPECT_EQ(register_with_code(a, code).status, 201);
}

TEST_F(RestSms, MalformedCodeIsInvalid) {
  const Applicant a = adult_resident();
  sms_code(a.phone, "register");
  for (const char* code : {"12345", "1234567", "abcdef", "12 456"}) {
    const Reply refused = register_with_code(a, code);
    EXPECT_EQ(refused.status, 400) << code;
    EXPECT_EQ(refused.error_code(), "SMS_CODE_INVALID") << code;
  }
}

TEST_F(RestSms, CodeIsSingleUse) {
  const Applicant first = adult_resident();
  const std::string code = sms_code(first.phone, "register");
  ASSERT_EQ(register_with_code(first, code).status, 201);
  Applicant second = adult_resident();
  second.phone = first.phone;
  const Reply replay = register_with_code(second, code);
  EXPECT_EQ(replay.status, 400) << replay.body;
  EXPECT_EQ(replay.error_code(), "SMS_CODE_EXPIRED");
}

TEST_F(RestSms, CodeIsBoundToItsPurpose) {
  const Applicant a = adult_resident();
  const std::string login_code = sms_code(a.phone, "login");
  const Reply refused = register_with_code(a, login_code);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_TRUE(refused.error_code() == "SMS_CODE_EXPIRED" || refused.error_code() == "SMS_CODE_INVALID") << refused.body;
  EXPECT_EQ(refused.error_field(), "sms_code");
  EXPECT_EQ(count_rows("persons"), 0);
}

TEST_F(RestSms, RegisterCodeDoesNotSignIn) {
  const Applicant a = active_adult();
  advance(61s);
  const std::string register_code = sms_code(a.phone, "register");
  const Reply refused = post("/api/v1/sessions", {{"method", "sms"}, {"phone", a.phone}, {"sms_code", register_code}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.error_field(), "sms_code");
  EXPECT_FALSE(refused.json.contains("token"));
}

TEST_F(RestSms, CodeIsBoundToItsPhone) {
  const Applicant a = adult_resident();
  const std::string code_for_other_phone = sms_code(unique_phone(), "register");
  const Reply refused = register_with_code(a, code_for_other_phone);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.error_field(), "sms_code");
}

TEST_F(RestSms, SendingNeedsACaptcha) {
  const Reply missing = post("/api/v1/sms/codes", {{"phone", unique_phone()}, {"purpose", "register"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.error_code(), "FIELD_REQUIRED");
  EXPECT_EQ(missing.error_field(), "captcha_id");
}

}  // namespace
}  // namespace uia::rest
