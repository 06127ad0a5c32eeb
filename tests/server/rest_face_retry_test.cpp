// A face check that failed or expired leaves the account in pending_face; sign-in says so
// (ACCOUNT_NOT_ACTIVE with "next": "face_check"), and POST /api/v1/face/checks gives a new
// ticket to the person who proves the password (captcha, lockout and a daily cap included).
#include "rest_staff_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestFaceRetry : public RestStaffTest {
 protected:
  Reply retry(const std::string& identifier, const std::string& password) {
    const Captcha c = captcha();
    return post("/api/v1/face/checks",
                {{"identifier", identifier}, {"password", password}, {"captcha_id", c.id}, {"captcha_answer", c.answer}});
  }
  // An adult whose registration face check failed.
  Applicant failed_adult() {
    const Applicant a = adult_resident();
    const Reply registered = register_person(a);
    EXPECT_EQ(registered.status, 201) << registered.body;
    EXPECT_EQ(complete_face(registered.json.value("face_ticket", ""), "fail").status, 200);
    return a;
  }
};

TEST_F(RestFaceRetry, AFailedCheckCanBeRetriedAndPassed) {
  const Applicant a = failed_adult();
  const Reply refused = login(a.account, a.password);
  expect_error(refused, 403, "ACCOUNT_NOT_ACTIVE");
  EXPECT_EQ(refused.json["error"]["status"], "pending_face");
  EXPECT_EQ(refused.json["error"]["next"], "face_check");

  const Reply ticket = retry(a.phone, a.password);  // any identifier of the login box
  ASSERT_EQ(ticket.status, 201) << ticket.body;
  EXPECT_EQ(ticket.json.value("expires_in", 0), 600);
  EXPECT_FALSE(ticket.json.value("face_url", "").empty());
  ASSERT_EQ(complete_face(ticket.json.value("face_ticket", ""), "pass").status, 200);
  const Reply signed_in = login(a.account, a.password);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(signed_in.json["subject"]["level"], 3);
  EXPECT_EQ(count_rows("audit_log", "action = 'face.retry' AND result = 'ok'"), 1);
  expect_error(retry(a.account, a.password), 409, "FACE_CHECK_NOT_NEEDED");
}

TEST_F(RestFaceRetry, AnExpiredTicketIsReplacedAndAPendingOneSuperseded) {
  const Applicant a = adult_resident();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201);
  advance(11min);
  expect_error(complete_face(registered.json.value("face_ticket", ""), "pass"), 404, "FACE_TICKET_INVALID");
  const Reply first = retry(a.id_number, a.password);
  ASSERT_EQ(first.status, 201) << first.body;
  const Reply second = retry(a.account, a.password);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_NE(first.json["face_ticket"], second.json["face_ticket"]);
  expect_error(complete_face(first.json.value("face_ticket", ""), "pass"), 404, "FACE_TICKET_INVALID");
  ASSERT_EQ(complete_face(second.json.value("face_ticket", ""), "pass").status, 200);
  EXPECT_EQ(login(a.account, a.password).status, 201);
}

TEST_F(RestFaceRetry, TheWaitingPageSeesEachTicketsState) {
  const auto status_of = [this](const std::string& ticket) {
    const Reply r = get("/api/v1/face/checks/" + ticket);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.is_object() ? r.json.value("status", "") : "";
  };
  const Applicant a = adult_resident();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string first = registered.json.value("face_ticket", "");
  const Reply waiting = get("/api/v1/face/checks/" + first);
  ASSERT_EQ(waiting.status, 200) << waiting.body;
  EXPECT_EQ(waiting.json.value("status", ""), "pending");
  EXPECT_EQ(waiting.json.value("purpose", ""), "register");
  EXPECT_EQ(waiting.json.value("expires_in", 0), 600);
  EXPECT_FALSE(waiting.json.contains("person_id"));
  ASSERT_EQ(complete_face(first, "fail").status, 200);
  EXPECT_EQ(status_of(first), "failed");

  const Reply second = retry(a.account, a.password);
  ASSERT_EQ(second.status, 201) << second.body;
  const std::string second_ticket = second.json.value("face_ticket", "");
  advance(11min);
  EXPECT_EQ(status_of(second_ticket), "expired");
  const Reply third = retry(a.account, a.password);
  ASSERT_EQ(third.status, 201) << third.body;
  const std::string third_ticket = third.json.value("face_ticket", "");
  EXPECT_EQ(status_of(second_ticket), "superseded");
  ASSERT_EQ(complete_face(third_ticket, "pass").status, 200);
  EXPECT_EQ(status_of(third_ticket), "passed");
  expect_error(get("/api/v1/face/checks/no-such-ticket"), 404, "FACE_TICKET_INVALID", "ticket");
}

TEST_F(RestFaceRetry, FiveChecksADay) {
  const Applicant a = failed_adult();  // the registration's check is the first of five
  for (int i = 0; i < 4; ++i) {
    const Reply r = retry(a.account, a.password);
    ASSERT_EQ(r.status, 201) << i << " " << r.body;
    advance(1min);
  }
  const Reply limited = retry(a.account, a.password);
  expect_error(limited, 429, "FACE_RETRY_LIMITED");
  const long long wait = limited.json["error"].value("retry_after", 0LL);
  EXPECT_GT(wait, 23 * 3600);
  EXPECT_LE(wait, 24 * 3600);
  EXPECT_EQ(limited.header("retry-after"), std::to_string(wait));
  advance(std::chrono::seconds(wait));
  EXPECT_EQ(retry(a.account, a.password).status, 201);
}

TEST_F(RestFaceRetry, WrongPasswordsCountTowardsTheSignInLock) {
  const Applicant a = failed_adult();
  const Applicant stranger = adult_resident();
  const Reply unknown = retry(stranger.account, stranger.password);
  const Reply wrong = retry(a.account, "Wrong#2026pass");
  expect_error(unknown, 401, "CREDENTIALS_INVALID");
  expect_error(wrong, 401, "CREDENTIALS_INVALID");
  EXPECT_EQ(unknown.json["error"]["message"], wrong.json["error"]["message"]);
  for (int i = 0; i < 3; ++i) expect_error(retry(a.account, "Wrong#2026pass"), 401, "CREDENTIALS_INVALID");
  expect_error(retry(a.account, "Wrong#2026pass"), 423, "ACCOUNT_LOCKED");
  expect_error(login(a.account, a.password), 423, "ACCOUNT_LOCKED");
  expect_error(retry(a.account, a.password), 423, "ACCOUNT_LOCKED");
  EXPECT_EQ(count_rows("face_checks"), 1) << "no ticket while locked";
}

TEST_F(RestFaceRetry, AccountsNotWaitingForAFaceCheckAreRefused) {
  const Applicant active = active_adult();
  const Reply r = retry(active.account, active.password);
  expect_error(r, 409, "FACE_CHECK_NOT_NEEDED");
  EXPECT_EQ(r.json["error"]["status"], "active");
  const Applicant child = child_resident();
  ASSERT_EQ(register_person(child).status, 201);
  expect_error(retry(child.account, child.password), 409, "FACE_CHECK_NOT_NEEDED");
}

TEST_F(RestFaceRetry, BadInput) {
  expect_error(post_text("/api/v1/face/checks", "nope"), 400, "REQUEST_INVALID");
  const Captcha c = captcha();
  expect_error(post("/api/v1/face/checks", {{"password", "x"}, {"captcha_id", c.id}, {"captcha_answer", c.answer}}), 400,
               "FIELD_REQUIRED", "identifier");
  expect_error(post("/api/v1/face/checks", {{"identifier", "abc"}, {"password", 1}, {"captcha_id", c.id}, {"captcha_answer", "x"}}),
               400, "FIELD_TYPE", "password");
  expect_error(post("/api/v1/face/checks", {{"identifier", "abc"}, {"password", "x"}}), 400, "FIELD_REQUIRED", "captcha_id");
  expect_error(post("/api/v1/face/checks",
                    {{"identifier", "abc"}, {"password", "x"}, {"captcha_id", c.id}, {"captcha_answer", "wrong"}}),
               400, "CAPTCHA_INVALID", "captcha_answer");
  expect_error(post("/api/v1/face/checks", {{"identifier", std::string(10000, 'i')}, {"password", "x"},
                                             {"captcha_id", "c"}, {"captcha_answer", "a"}}),
               400, "FIELD_TYPE", "identifier");
}

}  // namespace
}  // namespace uia::rest
