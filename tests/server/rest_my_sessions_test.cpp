// "My sessions": the signed-in person sees where they are signed in and can sign one out.
#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;
using RestMySessions = RestTest;

TEST_F(RestMySessions, ListsOnlyTheOwnWorkingSessionsAndMarksTheCurrent) {
  const Applicant a = active_adult();
  const Reply first = login(a.account, a.password);
  const Reply second = login(a.account, a.password);
  const Reply old = login(a.account, a.password);
  ASSERT_EQ(del("/api/v1/sessions/current", bearer_of(old)).status, 204);
  const Applicant other = active_adult();
  ASSERT_EQ(login(other.account, other.password).status, 201);

  const Reply listed = get("/api/v1/me/sessions", bearer_of(second));
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto& sessions = listed.json["sessions"];
  ASSERT_EQ(sessions.size(), 2u) << listed.body;  // not the signed-out one, not the other person's
  int current = 0;
  for (const auto& s : sessions) {
    if (s.value("current", false)) ++current;
    EXPECT_EQ(s.value("client_ip", ""), "127.0.0.1");
    EXPECT_EQ(s.value("created_at", ""), "2026-11-25T12:00:00Z");
  }
  EXPECT_EQ(current, 1);
  EXPECT_EQ(listed.body.find(first.json.value("token", "")), std::string::npos) << "tokens are never listed";
}

TEST_F(RestMySessions, SigningOutAnotherDeviceStopsItAtOnce) {
  const Applicant a = active_adult();
  const Reply phone = login(a.account, a.password);
  const Reply laptop = login(a.account, a.password);
  const auto sessions = get("/api/v1/me/sessions", bearer_of(laptop)).json["sessions"];
  long long phone_session = 0;
  for (const auto& s : sessions)
    if (!s.value("current", true)) phone_session = s.value("session_id", 0LL);
  ASSERT_NE(phone_session, 0);
  ASSERT_EQ(del("/api/v1/me/sessions/" + std::to_string(phone_session), bearer_of(laptop)).status, 204);
  EXPECT_EQ(get("/api/v1/me", bearer_of(phone)).status, 401);
  EXPECT_EQ(get("/api/v1/me", bearer_of(laptop)).status, 200);
  EXPECT_EQ(count_rows("audit_log", "action = 'session.revoke'"), 1);
  // Twice is not found: it is already gone.
  EXPECT_EQ(del("/api/v1/me/sessions/" + std::to_string(phone_session), bearer_of(laptop)).status, 404);
}

TEST_F(RestMySessions, AnotherPersonsSessionIsNotFound) {
  const Applicant a = active_adult();
  const Applicant b = active_adult();
  const Reply mine = login(a.account, a.password);
  const Reply theirs = login(b.account, b.password);
  const long long their_id = get("/api/v1/me/sessions", bearer_of(theirs)).json["sessions"][0].value("session_id", 0LL);
  const Reply refused = del("/api/v1/me/sessions/" + std::to_string(their_id), bearer_of(mine));
  EXPECT_EQ(refused.status, 404) << refused.body;
  EXPECT_EQ(get("/api/v1/me", bearer_of(theirs)).status, 200);
  for (const char* bad : {"abc", "-1", "0", "99999999999999999999999", "1x"})
    EXPECT_EQ(del(std::string("/api/v1/me/sessions/") + bad, bearer_of(mine)).status, 404) << bad;
}

TEST_F(RestMySessions, CookieCallersNeedTheCsrfTokenAndStrangersNothing) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  EXPECT_EQ(get("/api/v1/me/sessions").status, 401);
  EXPECT_EQ(get("/api/v1/me/sessions", cookie_of(signed_in, false)).status, 200);
  const long long id = get("/api/v1/me/sessions", bearer_of(signed_in)).json["sessions"][0].value("session_id", 0LL);
  EXPECT_EQ(del("/api/v1/me/sessions/" + std::to_string(id), cookie_of(signed_in, false)).status, 403);
  const Reply out = del("/api/v1/me/sessions/" + std::to_string(id), cookie_of(signed_in, true));
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos) << out.header("set-cookie");
}

TEST_F(RestMySessions, AReloadedPageGetsItsCsrfTokenBackFromTheCookie) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  const Reply current = get("/api/v1/sessions/current", cookie_of(signed_in, false));
  ASSERT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(current.json.value("csrf_token", ""), signed_in.json.value("csrf_token", "?"));
  EXPECT_EQ(current.json.value("person_id", 0LL), signed_in.json["subject"].value("person_id", -1LL));
  EXPECT_EQ(current.json.value("acting_as", ""), "person");
  EXPECT_FALSE(current.json.contains("enterprise_id"));
  Caller reloaded = cookie_of(signed_in, false);
  reloaded.csrf = current.json.value("csrf_token", "");
  EXPECT_EQ(del("/api/v1/sessions/current", reloaded).status, 204) << "the token works for unsafe requests";
  EXPECT_EQ(get("/api/v1/sessions/current", cookie_of(signed_in, false)).status, 401);
  EXPECT_EQ(get("/api/v1/sessions/current").status, 401);
}

TEST_F(RestMySessions, IdleSessionsAreNotListed) {
  const Applicant a = active_adult();
  const Reply early = login(a.account, a.password);
  advance(29min);
  const Reply late = login(a.account, a.password);
  advance(2min);  // `early` is now idle for 31 minutes
  const Reply listed = get("/api/v1/me/sessions", bearer_of(late));
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json["sessions"].size(), 1u) << listed.body;
  (void)early;
}

}  // namespace
}  // namespace uia::rest
