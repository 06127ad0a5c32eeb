// Graphic captchas over HTTP: a PNG data URL, single use, spent by a wrong answer, 2 minutes.
#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestCaptcha : public RestTest {
 protected:
  // Uses a captcha the way every form does: to send an SMS code (to a fresh phone each time,
  // so SMS limits never interfere).
  Reply use(const std::string& id, const std::string& answer) {
    return post("/api/v1/sms/codes",
                {{"phone", unique_phone()}, {"purpose", "register"}, {"captcha_id", id}, {"captcha_answer", answer}});
  }
};

TEST_F(RestCaptcha, IsAPngDataUrlWithAnIdAndTwoMinutes) {
  const Reply first = get("/api/v1/captcha");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("content-type").rfind("application/json", 0), 0u);
  EXPECT_EQ(first.header("cache-control"), "no-store");
  const std::string image = first.json.value("image", "");
  const std::string prefix = "data:image/png;base64,";
  ASSERT_EQ(image.rfind(prefix, 0), 0u) << image.substr(0, 40);
  // Base64 of the PNG signature \x89PNG\r\n\x1a\n.
  EXPECT_EQ(image.substr(prefix.size(), 11), "iVBORw0KGgo");
  EXPECT_GT(image.size(), prefix.size() + 200);
  EXPECT_EQ(first.json.value("expires_in", 0), 120);
  const std::string id = first.json.value("captcha_id", "");
  EXPECT_GE(id.size(), 16u);

  const Reply second = get("/api/v1/captcha");
  EXPECT_NE(second.json.value("captcha_id", ""), id);
}

TEST_F(RestCaptcha, DevRouteGivesTheAnswer) {
  const Captcha c = captcha();
  EXPECT_FALSE(c.answer.empty());
  EXPECT_EQ(use(c.id, c.answer).status, 202);
  const Reply unknown = get("/api/dev/captcha/no-such-captcha");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.error_code(), "NOT_FOUND");
}

TEST_F(RestCaptcha, IsSingleUse) {
  const Captcha c = captcha();
  EXPECT_EQ(use(c.id, c.answer).status, 202);
  const Reply again = use(c.id, c.answer);
  EXPECT_EQ(again.status, 400) << again.body;
  EXPECT_EQ(again.error_code(), "CAPTCHA_EXPIRED");
  EXPECT_EQ(again.error_field(), "captcha_answer");
}

TEST_F(RestCaptcha, WrongAnswerIsRefusedAndSpendsTheCaptcha) {
  const Captcha c = captcha();
  const std::string wrong = c.answer == "0000" ? "1111" : "0000";
  const Reply refused = use(c.id, wrong);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.error_code(), "CAPTCHA_INVALID");
  EXPECT_EQ(refused.error_field(), "captcha_answer");
  EXPECT_EQ(refused.json["error"].value("message", ""), "图形验证码错误");
  // No second guess: the right answer now finds the captcha spent.
  const Reply late = use(c.id, c.answer);
  EXPECT_EQ(late.status, 400);
  EXPECT_EQ(late.error_code(), "CAPTCHA_EXPIRED");
}

TEST_F(RestCaptcha, AnswerIsNotCaseSensitive) {
  const Captcha c = captcha();
  std::string lower = c.answer;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(use(c.id, lower).status, 202);
}

TEST_F(RestCaptcha, ExpiresAfterTwoMinutes) {
  const Captcha in_time = captcha();
  const Captcha too_late = captcha();
  advance(119s);
  EXPECT_EQ(use(in_time.id, in_time.answer).status, 202);
  advance(2s);  // 121 s after issue
  const Reply expired = use(too_late.id, too_late.answer);
  EXPECT_EQ(expired.status, 400) << expired.body;
  EXPECT_EQ(expired.error_code(), "CAPTCHA_EXPIRED");
}

TEST_F(RestCaptcha, UnknownIdIsExpired) {
  const Reply unknown = use("AAAAAAAAAAAAAAAAAAAAAA", "ABCD");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.error_code(), "CAPTCHA_EXPIRED");
}

TEST_F(RestCaptcha, PasswordLoginNeedsARightCaptcha) {
  const Captcha c = captcha();
  const Reply refused = post("/api/v1/sessions", {{"method", "password"},
                                                   {"identifier", "somebody1"},
                                                   {"password", "Whatever#1"},
                                                   {"captcha_id", c.id},
                                                   {"captcha_answer", c.answer + "9"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.error_code(), "CAPTCHA_INVALID");
}

}  // namespace
}  // namespace uia::rest
