// Back-channel logout when a session ends on the platform itself, not through /oidc/logout:
// 退出登录 (DELETE /api/v1/sessions/current) and 下线 of a device in 登录设备
// (DELETE /api/v1/me/sessions/{id}), and 修改密码, which signs the person out everywhere
// (PUT /api/v1/me/password), and 找回密码 (POST /api/v1/recovery/{id}/password), and 注销账号
// (DELETE /api/v1/me). Every business system the ended session signed in to gets
// a logout token naming that session (sid) and loses the tokens it got through it; systems the
// session never used, and the person's other sessions, are left alone.
#include <set>

#include "rest_oidc_support.h"

namespace uia::rest {
namespace {

class RestOidcSignOut : public RestOidcTest {
 protected:
  Reply put(const std::string& path, const nlohmann::json& body, const Caller& caller) {
    return request("PUT", path, body.dump(), caller);
  }
  long long session_id_of(const Caller& caller) {
    const Reply reply = get("/api/v1/sessions/current", caller);
    return reply.json.is_object() ? reply.json.value("session_id", 0LL) : 0;
  }
  // The logout tokens the back-channel simulator recorded, verified, by back-channel URI.
  std::map<std::string, nlohmann::json> logout_tokens_by_uri() {
    std::map<std::string, nlohmann::json> out;
    for (const auto& call : backchannel_calls()) out[call.value("uri", "")] = verified_claims(call.value("logout_token", ""));
    return out;
  }
};

TEST_F(RestOidcSignOut, PlainSignOutTellsEveryClientTheSessionTouched) {
  const Client a = register_client({{"name", "社保业务系统"}, {"backchannel_logout_uri", "https://a.example/logout"}});
  const Client b = register_client({{"name", "公积金系统"}, {"backchannel_logout_uri", "https://b.example/logout"},
                                    {"subject_type", "pairwise"}});
  const Client unused = register_client({{"name", "医保系统"}, {"backchannel_logout_uri", "https://c.example/logout"}});
  const Applicant person = active_adult();
  const Browser browser = signed_in_browser(person);
  const Browser phone = signed_in_browser(person);  // the same person on another device
  const Reply ta = exchange(a, code_for(browser, a.id));
  const Reply tb = exchange(b, code_for(browser, b.id));
  const Reply on_phone = exchange(a, code_for(phone, a.id));
  ASSERT_EQ(ta.status, 200) << ta.body;
  ASSERT_EQ(tb.status, 200) << tb.body;
  ASSERT_EQ(on_phone.status, 200) << on_phone.body;
  const auto a_claims = verified_claims(ta.json["id_token"]);

  // A refused sign-out (no CSRF token with the cookie) ends nothing and tells nobody.
  Caller no_csrf = browser.cookie;
  no_csrf.csrf.clear();
  EXPECT_EQ(del("/api/v1/sessions/current", no_csrf).status, 403);
  EXPECT_TRUE(backchannel_calls().empty());
  EXPECT_EQ(userinfo(ta.json["access_token"]).status, 200);

  const Reply out = del("/api/v1/sessions/current", browser.cookie);
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_EQ(get("/api/v1/me", browser.cookie).status, 401);

  const auto calls = backchannel_calls();
  ASSERT_EQ(calls.size(), 2u) << calls.dump() << " (A and B; not C, which the session never used)";
  auto by_uri = logout_tokens_by_uri();
  const auto& la = by_uri["https://a.example/logout"];
  ASSERT_TRUE(la.is_object()) << "signed by the provider";
  EXPECT_EQ(la["aud"], a.id);
  EXPECT_EQ(la["sub"], a_claims["sub"]);
  EXPECT_EQ(la["sid"], a_claims["sid"]) << "names the session that ended";
  EXPECT_TRUE(la["events"].contains("http://schemas.openid.net/event/backchannel-logout"));
  const auto& lb = by_uri["https://b.example/logout"];
  ASSERT_TRUE(lb.is_object());
  EXPECT_EQ(lb["sub"], verified_claims(tb.json["id_token"])["sub"]) << "B's pairwise subject";
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.backchannel_logout' AND result = 'ok'"), 2);

  // The session's tokens are gone; the other device's session and its tokens still work.
  expect_oauth_error(userinfo(ta.json["access_token"]), 401, "invalid_token");
  expect_oauth_error(refresh(b, tb.json["refresh_token"]), 400, "invalid_grant");
  EXPECT_EQ(userinfo(on_phone.json["access_token"]).status, 200);
  EXPECT_EQ(refresh(a, on_phone.json["refresh_token"]).status, 200);
  EXPECT_EQ(get("/api/v1/me", phone.cookie).status, 200);
  (void)unused;
}

TEST_F(RestOidcSignOut, SigningADeviceOutTellsTheClientsOfThatDeviceOnly) {
  const Client a = register_client({{"backchannel_logout_uri", "https://a.example/logout"}});
  const Applicant person = active_adult();
  const Browser laptop = signed_in_browser(person);
  const Browser tablet = signed_in_browser(person);
  const Reply on_tablet = exchange(a, code_for(tablet, a.id));
  const Reply on_laptop = exchange(a, code_for(laptop, a.id));
  ASSERT_EQ(on_tablet.status, 200) << on_tablet.body;
  ASSERT_EQ(on_laptop.status, 200) << on_laptop.body;
  const long long tablet_session = session_id_of(tablet.cookie);
  ASSERT_GT(tablet_session, 0);

  // Someone else cannot sign the tablet out (404, as for no such session), and nobody is told.
  const Browser stranger = signed_in_adult();
  expect_error(del("/api/v1/me/sessions/" + std::to_string(tablet_session), stranger.cookie), 404, "NOT_FOUND");
  expect_error(del("/api/v1/me/sessions/x1", laptop.cookie), 404, "NOT_FOUND");
  EXPECT_TRUE(backchannel_calls().empty());

  // 下线 from the laptop's 登录设备.
  const Reply ended = del("/api/v1/me/sessions/" + std::to_string(tablet_session), laptop.cookie);
  ASSERT_EQ(ended.status, 204) << ended.body;
  const auto calls = backchannel_calls();
  ASSERT_EQ(calls.size(), 1u) << calls.dump();
  const auto claims = verified_claims(calls[0].value("logout_token", ""));
  ASSERT_TRUE(claims.is_object());
  EXPECT_EQ(claims["sid"], verified_claims(on_tablet.json["id_token"])["sid"]);
  EXPECT_NE(claims["sid"], verified_claims(on_laptop.json["id_token"])["sid"]);
  expect_oauth_error(userinfo(on_tablet.json["access_token"]), 401, "invalid_token");
  EXPECT_EQ(userinfo(on_laptop.json["access_token"]).status, 200);

  // Signing out a session that never used a business system tells nobody.
  EXPECT_EQ(del("/api/v1/sessions/current", stranger.cookie).status, 204);
  EXPECT_EQ(backchannel_calls().size(), 1u);
}

TEST_F(RestOidcSignOut, ChangingThePasswordTellsTheClientsOfEverySession) {
  const Client a = register_client({{"backchannel_logout_uri", "https://a.example/logout"}});
  const Applicant person = active_adult();
  const Browser first = signed_in_browser(person);
  const Browser second = signed_in_browser(person);
  const Reply t1 = exchange(a, code_for(first, a.id));
  const Reply t2 = exchange(a, code_for(second, a.id));
  ASSERT_EQ(t1.status, 200) << t1.body;
  ASSERT_EQ(t2.status, 200) << t2.body;

  // A wrong old password changes nothing and tells nobody.
  EXPECT_EQ(put("/api/v1/me/password", {{"old_password", "Wrong#2026pass"}, {"new_password", "Other#2026pass"}}, first.cookie).status,
            400);
  EXPECT_TRUE(backchannel_calls().empty());

  const Reply changed = put("/api/v1/me/password", {{"old_password", person.password}, {"new_password", "Other#2026pass"}}, first.cookie);
  ASSERT_EQ(changed.status, 204) << changed.body;
  const auto calls = backchannel_calls();
  ASSERT_EQ(calls.size(), 2u) << calls.dump() << " (one per ended session)";
  std::set<std::string> sids;
  for (const auto& call : calls) sids.insert(verified_claims(call.value("logout_token", "")).value("sid", ""));
  EXPECT_EQ(sids, (std::set<std::string>{verified_claims(t1.json["id_token"]).value("sid", ""),
                                         verified_claims(t2.json["id_token"]).value("sid", "")}));
  for (const Reply* t : {&t1, &t2}) expect_oauth_error(refresh(a, t->json["refresh_token"]), 400, "invalid_grant");
  // Nothing is left to tell: a second look finds no ended session with live tokens.
  Applicant renewed = person;
  renewed.password = "Other#2026pass";
  const Browser again = signed_in_browser(renewed);
  EXPECT_EQ(del("/api/v1/sessions/current", again.cookie).status, 204);
  EXPECT_EQ(backchannel_calls().size(), 2u);
}

TEST_F(RestOidcSignOut, RecoveringThePasswordTellsTheClientsOfEverySession) {
  const Client a = register_client({{"backchannel_logout_uri", "https://a.example/logout"}});
  const Applicant person = active_adult();
  const Browser browser = signed_in_browser(person);
  const Reply tokens = exchange(a, code_for(browser, a.id));
  ASSERT_EQ(tokens.status, 200) << tokens.body;

  const Captcha c = captcha();
  const Reply started = post("/api/v1/recovery", {{"name", person.name}, {"id_number", person.id_number}, {"captcha_id", c.id},
                                                  {"captcha_answer", c.answer}});
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string id = started.json.value("recovery_id", "");
  advance(std::chrono::seconds(61));  // the registration SMS went a moment ago
  ASSERT_EQ(post("/api/v1/recovery/" + id + "/sms", nlohmann::json::object()).status, 202);
  const std::string code = newest_sms(person.phone).value("code", "");
  const std::string path = "/api/v1/recovery/" + id + "/password";
  // A wrong code ends nothing and tells nobody.
  EXPECT_EQ(post(path, {{"sms_code", code == "000000" ? "111111" : "000000"}, {"new_password", "New#2026pass"}}).status, 400);
  EXPECT_TRUE(backchannel_calls().empty());
  EXPECT_EQ(post("/api/v1/recovery/unknown/password", {{"sms_code", code}, {"new_password", "New#2026pass"}}).status, 404);

  const Reply done = post(path, {{"sms_code", code}, {"new_password", "New#2026pass"}});
  ASSERT_EQ(done.status, 204) << done.body;
  const auto calls = backchannel_calls();
  ASSERT_EQ(calls.size(), 1u) << calls.dump();
  EXPECT_EQ(verified_claims(calls[0].value("logout_token", "")).value("sid", ""),
            verified_claims(tokens.json["id_token"]).value("sid", ""));
  expect_oauth_error(refresh(a, tokens.json["refresh_token"]), 400, "invalid_grant");
}

TEST_F(RestOidcSignOut, DeletingTheAccountTellsTheClientsOfEverySession) {
  const Client a = register_client({{"backchannel_logout_uri", "https://a.example/logout"}});
  const Client b = register_client({{"name", "公积金系统"}, {"backchannel_logout_uri", "https://b.example/logout"},
                                    {"subject_type", "pairwise"}});
  const Client quiet = register_client({{"name", "医保系统"}});  // no back-channel URI: nothing to send
  const Applicant person = active_adult();
  const Browser browser = signed_in_browser(person);
  const Browser phone = signed_in_browser(person);
  const Reply ta = exchange(a, code_for(browser, a.id));
  const Reply tb = exchange(b, code_for(phone, b.id));
  const Reply tq = exchange(quiet, code_for(phone, quiet.id));
  ASSERT_EQ(ta.status, 200) << ta.body;
  ASSERT_EQ(tb.status, 200) << tb.body;
  ASSERT_EQ(tq.status, 200) << tq.body;

  advance(std::chrono::seconds(61));  // past the registration SMS's resend wait
  ASSERT_EQ(post("/api/v1/me/deletion/sms", nlohmann::json::object(), browser.cookie).status, 202);
  const std::string code = newest_sms(person.phone).value("code", "");
  // A wrong code deletes nothing and tells nobody.
  const Reply wrong = request("DELETE", "/api/v1/me",
                              nlohmann::json({{"id_number", person.id_number}, {"sms_code", code == "000000" ? "111111" : "000000"}}).dump(),
                              browser.cookie);
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_TRUE(backchannel_calls().empty());
  EXPECT_EQ(userinfo(ta.json["access_token"]).status, 200);

  const Reply deleted = request("DELETE", "/api/v1/me",
                                nlohmann::json({{"id_number", person.id_number}, {"sms_code", code}}).dump(), browser.cookie);
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  const auto calls = backchannel_calls();
  ASSERT_EQ(calls.size(), 2u) << calls.dump() << " (A for the browser's session, B for the phone's)";
  auto by_uri = logout_tokens_by_uri();
  const auto a_claims = verified_claims(ta.json["id_token"]);
  const auto b_claims = verified_claims(tb.json["id_token"]);
  EXPECT_EQ(by_uri["https://a.example/logout"].value("sid", ""), a_claims.value("sid", ""));
  EXPECT_EQ(by_uri["https://a.example/logout"].value("sub", ""), a_claims.value("sub", ""));
  EXPECT_EQ(by_uri["https://b.example/logout"].value("sid", ""), b_claims.value("sid", ""));
  EXPECT_EQ(by_uri["https://b.example/logout"].value("sub", ""), b_claims.value("sub", "")) << "B's pairwise subject";
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.backchannel_logout' AND result = 'ok'"), 2);
  for (const Reply* t : {&ta, &tb, &tq}) expect_oauth_error(userinfo(t->json["access_token"]), 401, "invalid_token");
  EXPECT_EQ(get("/api/v1/me", phone.cookie).status, 401);
}

}  // namespace
}  // namespace uia::rest
