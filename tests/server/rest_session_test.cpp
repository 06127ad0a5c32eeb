// Sessions and the signed-in person over HTTP: /me masked exactly as the contract fixes it,
// idle and absolute expiry, logout, and CSRF for cookie callers.
#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestSession : public RestTest {
 protected:
  // An active adult and a fresh password sign-in.
  Reply signed_in_adult() {
    const Applicant a = active_adult();
    const Reply signed_in = login(a.account, a.password);
    EXPECT_EQ(signed_in.status, 201) << signed_in.body;
    return signed_in;
  }
  void expect_refused(const Reply& reply, int status, const std::string& code) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.error_code(), code) << reply.body;
  }
};

using RestMe = RestSession;

TEST_F(RestMe, IsMaskedExactlyAsTheContractSays) {
  Applicant a = adult_resident();
  a.name = "陈明";
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  ASSERT_EQ(complete_face(registered.json.value("face_ticket", ""), "pass").status, 200);
  const Reply signed_in = login(a.account, a.password);
  const Reply me = get("/api/v1/me", bearer_of(signed_in));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.header("cache-control"), "no-store");
  const nlohmann::json expected = {
      {"person_id", registered.json.value("person_id", 0LL)},
      {"account", a.account},
      {"name", "陈*"},
      {"id_type", "resident"},
      {"id_number", a.id_number.substr(0, 6) + "********" + a.id_number.substr(14)},
      {"phone", a.phone.substr(0, 3) + "****" + a.phone.substr(7)},
      {"level", 3},
      {"status", "active"},
      {"created_at", "2026-11-25T12:00:00Z"}};
  for (const auto& [key, value] : expected.items()) EXPECT_EQ(me.json[key], value) << key;
  EXPECT_EQ(me.body.find(a.phone), std::string::npos);
  EXPECT_EQ(me.body.find(a.id_number), std::string::npos);
  EXPECT_EQ(me.body.find("明"), std::string::npos);
  EXPECT_EQ(me.body.find("password"), std::string::npos);
}

TEST_F(RestMe, FourCharacterNamesKeepTwo) {
  Applicant a = child_resident();
  a.name = "欧阳小明";
  ASSERT_EQ(register_person(a).status, 201);
  const Reply signed_in = login(a.account, a.password);
  EXPECT_EQ(signed_in.json["subject"].value("name", ""), "欧阳**");
  EXPECT_EQ(get("/api/v1/me", bearer_of(signed_in)).json.value("name", ""), "欧阳**");
}

TEST_F(RestMe, NeedsASession) {
  expect_refused(get("/api/v1/me"), 401, "UNAUTHENTICATED");
  Caller forged;
  forged.bearer = "not-a-real-token";
  expect_refused(get("/api/v1/me", forged), 401, "UNAUTHENTICATED");
  forged.bearer = std::string(4000, 'A');
  expect_refused(get("/api/v1/me", forged), 401, "UNAUTHENTICATED");
  Caller cookie;
  cookie.cookie = "not-a-real-token";
  expect_refused(get("/api/v1/me", cookie), 401, "UNAUTHENTICATED");
}

TEST_F(RestSession, IdleForThirtyMinutesExpires) {
  const Caller caller = bearer_of(signed_in_adult());
  advance(29min);
  EXPECT_EQ(get("/api/v1/me", caller).status, 200);
  advance(29min);  // activity moved the idle deadline
  EXPECT_EQ(get("/api/v1/me", caller).status, 200);
  advance(30min);
  expect_refused(get("/api/v1/me", caller), 401, "SESSION_EXPIRED");
}

TEST_F(RestSession, IdleJustUnderThirtyMinutesIsFine) {
  const Caller caller = bearer_of(signed_in_adult());
  advance(29min + 59s);
  EXPECT_EQ(get("/api/v1/me", caller).status, 200);
}

TEST_F(RestSession, TwelveHoursAtMostEvenWhenActive) {
  const Caller caller = bearer_of(signed_in_adult());
  for (int i = 1; i < 36; ++i) {  // every 20 minutes up to 11 h 40 min
    advance(20min);
    ASSERT_EQ(get("/api/v1/me", caller).status, 200) << i;
  }
  advance(19min);  // 11 h 59 min
  EXPECT_EQ(get("/api/v1/me", caller).status, 200);
  advance(1min);  // 12 h
  expect_refused(get("/api/v1/me", caller), 401, "SESSION_EXPIRED");
}

TEST_F(RestSession, LogoutEndsTheSessionAtOnce) {
  const Reply signed_in = signed_in_adult();
  const Caller caller = bearer_of(signed_in);
  const Reply out = del("/api/v1/sessions/current", caller);
  EXPECT_EQ(out.status, 204) << out.body;
  EXPECT_TRUE(out.body.empty());
  const std::string cleared = out.header("set-cookie");
  EXPECT_EQ(cleared.rfind("uia_session=;", 0), 0u) << cleared;
  EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos) << cleared;
  expect_refused(get("/api/v1/me", caller), 401, "UNAUTHENTICATED");
  expect_refused(get("/api/v1/me", cookie_of(signed_in, true)), 401, "UNAUTHENTICATED");
  expect_refused(del("/api/v1/sessions/current", caller), 401, "UNAUTHENTICATED");
}

TEST_F(RestSession, LogoutEndsOnlyThatSession) {
  const Applicant a = active_adult();
  const Caller first = bearer_of(login(a.account, a.password));
  const Caller second = bearer_of(login(a.account, a.password));
  EXPECT_EQ(del("/api/v1/sessions/current", first).status, 204);
  EXPECT_EQ(get("/api/v1/me", first).status, 401);
  EXPECT_EQ(get("/api/v1/me", second).status, 200);
}

TEST_F(RestSession, CookieCallersNeedTheCsrfTokenOnUnsafeMethods) {
  const Reply signed_in = signed_in_adult();
  // Safe methods need no CSRF token.
  EXPECT_EQ(get("/api/v1/me", cookie_of(signed_in, false)).status, 200);

  expect_refused(del("/api/v1/sessions/current", cookie_of(signed_in, false)), 403, "CSRF_INVALID");
  Caller wrong = cookie_of(signed_in, true);
  wrong.csrf[0] = wrong.csrf[0] == 'A' ? 'B' : 'A';
  expect_refused(del("/api/v1/sessions/current", wrong), 403, "CSRF_INVALID");
  Caller truncated = cookie_of(signed_in, true);
  truncated.csrf.pop_back();
  expect_refused(del("/api/v1/sessions/current", truncated), 403, "CSRF_INVALID");
  // Refused attempts did not log out.
  EXPECT_EQ(get("/api/v1/me", cookie_of(signed_in, false)).status, 200);

  EXPECT_EQ(del("/api/v1/sessions/current", cookie_of(signed_in, true)).status, 204);
  EXPECT_EQ(get("/api/v1/me", cookie_of(signed_in, false)).status, 401);
}

TEST_F(RestSession, AnotherSessionsCsrfTokenDoesNotCount) {
  const Applicant a = active_adult();
  const Reply first = login(a.account, a.password);
  const Reply second = login(a.account, a.password);
  Caller mixed = cookie_of(first, false);
  mixed.csrf = second.json.value("csrf_token", "");
  expect_refused(del("/api/v1/sessions/current", mixed), 403, "CSRF_INVALID");
}

TEST_F(RestSession, BearerCallersNeedNoCsrfToken) {
  const Reply signed_in = signed_in_adult();
  EXPECT_EQ(del("/api/v1/sessions/current", bearer_of(signed_in)).status, 204);
}

}  // namespace
}  // namespace uia::rest
