// QR-code login over HTTP (扫码登录): the desktop's ticket and QR image, its polling, the signed-in
// phone's scan / confirm / cancel, the session issued exactly once, and the refusals: expired,
// reused, cancelled, another person's phone, a ticket read off the screen without the poll token.
#include <thread>

#include "personal_centre_support.h"

namespace uia::rest {
namespace {

const std::string kDesktopAgent = "Mozilla/5.0 (X11; Linux x86_64) QrDesktop/1.0";
const std::string kPhoneAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) QrPhone/1.0";

class RestQrLogin : public PersonalCentreTest {
 protected:
  struct Ticket {
    std::string ticket, poll_token, url, link;
    nlohmann::json json;
  };
  static constexpr const char* kOrigin = "http://127.0.0.1:8080";
  Ticket create(const std::string& body = R"({"origin": "http://127.0.0.1:8080"})") {
    const Reply created = request("POST", "/api/v1/qr-logins", body, {}, "User-Agent: " + kDesktopAgent + "\r\n");
    EXPECT_EQ(created.status, 201) << created.body;
    Ticket t;
    if (!created.json.is_object()) return t;
    t.json = created.json;
    t.ticket = created.json.value("ticket", "");
    t.poll_token = created.json.value("poll_token", "");
    t.url = created.json.value("url", "");
    t.link = created.json.value("link", "");
    return t;
  }
  Reply poll(const Ticket& t) {
    return request("GET", "/api/v1/qr-logins/" + t.ticket + "?poll_token=" + t.poll_token, "", {},
                   "User-Agent: " + kDesktopAgent + "\r\n");
  }
  Reply phone(const std::string& step, const Ticket& t, const Caller& caller) {
    return request("POST", "/api/v1/qr-logins/" + t.ticket + "/" + step, "", caller, "User-Agent: " + kPhoneAgent + "\r\n");
  }
};

TEST_F(RestQrLogin, PhoneScansAndConfirmsAndTheDesktopGetsItsSessionOnce) {
  const SignedIn s = signed_in_adult();
  const Ticket t = create();
  EXPECT_EQ(t.json.value("expires_in", 0), 120);
  EXPECT_GE(t.ticket.size(), 32u);
  EXPECT_GE(t.poll_token.size(), 40u);
  EXPECT_NE(t.ticket, t.poll_token);
  EXPECT_EQ(t.link, "/#/qr?ticket=" + t.ticket);
  EXPECT_EQ(t.url, std::string(kOrigin) + t.link);
  const std::string qr = t.json.value("qr", "");
  EXPECT_EQ(qr.rfind("data:image/png;base64,iVBORw0KGgo", 0), 0u) << qr.substr(0, 40);
  EXPECT_GT(qr.size(), 300u);
  // Neither secret is stored in clear.
  EXPECT_EQ(count_rows("qr_logins"), 1);
  for (const std::string& secret : {t.ticket, t.poll_token})
    EXPECT_EQ(count_rows("qr_logins", "ticket_index LIKE '%" + secret + "%' OR poll_index LIKE '%" + secret + "%'"), 0);

  Reply polled = poll(t);
  ASSERT_EQ(polled.status, 200) << polled.body;
  EXPECT_EQ(polled.json.value("status", ""), "pending");

  // The phone sees which device is asking.
  const Reply scanned = phone("scan", t, s.caller);
  ASSERT_EQ(scanned.status, 200) << scanned.body;
  EXPECT_EQ(scanned.json.value("status", ""), "scanned");
  EXPECT_EQ(scanned.json["requester"].value("user_agent", ""), kDesktopAgent);
  EXPECT_EQ(scanned.json["requester"].value("client_ip", ""), "127.0.0.1");
  EXPECT_EQ(scanned.json["requester"].value("requested_at", "").rfind("2026-11-25T", 0), 0u) << scanned.body;
  // Scanning again (the phone's page reloaded) shows the same question.
  EXPECT_EQ(phone("scan", t, s.caller).status, 200);

  // The desktop learns who scanned, masked.
  polled = poll(t);
  ASSERT_EQ(polled.status, 200) << polled.body;
  EXPECT_EQ(polled.json.value("status", ""), "scanned");
  EXPECT_EQ(polled.json["scanned_by"].value("name", ""), "陈**");
  EXPECT_FALSE(polled.json.contains("token"));

  advance(std::chrono::seconds(30));
  const Reply confirmed = phone("confirm", t, s.caller);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json.value("status", ""), "confirmed");

  polled = poll(t);
  ASSERT_EQ(polled.status, 200) << polled.body;
  EXPECT_EQ(polled.json.value("status", ""), "confirmed");
  const std::string token = polled.json.value("token", "");
  ASSERT_FALSE(token.empty());
  EXPECT_FALSE(polled.json.value("csrf_token", "").empty());
  EXPECT_EQ(polled.json["subject"].value("person_id", 0LL), s.person_id);
  EXPECT_NE(polled.header("set-cookie").find("uia_session=" + token), std::string::npos) << polled.header("set-cookie");
  const Reply me = get("/api/v1/me", Caller{token, "", ""});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json.value("person_id", 0LL), s.person_id);

  // Single use: the next poll, or the phone, hears it is used.
  expect_error(poll(t), 410, "QR_LOGIN_USED");
  expect_error(phone("confirm", t, s.caller), 410, "QR_LOGIN_USED");
  expect_error(phone("cancel", t, s.caller), 410, "QR_LOGIN_USED");

  // The new session is the desktop's; the trail and the person's messages name the phone.
  const std::string who = "actor = 'person:" + std::to_string(s.person_id) + "'";
  EXPECT_EQ(count_rows("sessions", "person_id = " + std::to_string(s.person_id) + " AND user_agent = '" + kDesktopAgent + "'"), 1);
  EXPECT_EQ(count_rows("audit_log", who + " AND action = 'session.login' AND detail LIKE 'qr approver=session:%'"), 1);
  for (const char* action : {"qr_login.scan", "qr_login.confirm"})
    EXPECT_EQ(count_rows("audit_log", who + " AND action = '" + std::string(action) + "' AND result = 'ok'"), 1) << action;
  EXPECT_EQ(count_rows("audit_log", "action = 'qr_login.create'"), 1);
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(s.person_id) + " AND kind = 'qr_login'"), 1);
  EXPECT_EQ(count_rows("qr_logins", "state = 'consumed' AND session_id IS NOT NULL"), 1);
  const Reply sessions = get("/api/v1/me/sessions", s.caller);
  ASSERT_EQ(sessions.status, 200) << sessions.body;
  EXPECT_EQ(sessions.json["sessions"].size(), 2u);
}

TEST_F(RestQrLogin, TheTicketAloneDoesNotCollectTheSession) {
  const SignedIn s = signed_in_adult();
  const Ticket t = create();
  ASSERT_EQ(phone("scan", t, s.caller).status, 200);
  ASSERT_EQ(phone("confirm", t, s.caller).status, 200);
  // Someone who photographed the screen has the ticket but not the poll token.
  expect_error(get("/api/v1/qr-logins/" + t.ticket), 404, "QR_LOGIN_NOT_FOUND");
  Ticket wrong = t;
  wrong.poll_token = t.ticket;
  expect_error(poll(wrong), 404, "QR_LOGIN_NOT_FOUND");
  Ticket other = create();
  other.ticket = t.ticket;  // another desktop's poll token with this ticket
  expect_error(poll(other), 404, "QR_LOGIN_NOT_FOUND");
  expect_error(get("/api/v1/qr-logins/no.such?poll_token=x.y"), 404, "QR_LOGIN_NOT_FOUND");
  expect_error(phone("scan", Ticket{"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", "", "", {}}, s.caller), 404, "QR_LOGIN_NOT_FOUND");
  EXPECT_EQ(count_rows("sessions"), 1) << "only the phone's own";
  EXPECT_EQ(poll(t).status, 200) << "the rightful desktop still gets it";
}

TEST_F(RestQrLogin, ExpiresAfterTwoMinutes) {
  const SignedIn s = signed_in_adult();
  const Ticket t = create();
  ASSERT_EQ(phone("scan", t, s.caller).status, 200);
  advance(std::chrono::seconds(119));
  EXPECT_EQ(poll(t).json.value("expires_in", 0), 1);
  advance(std::chrono::seconds(1));
  expect_error(phone("confirm", t, s.caller), 410, "QR_LOGIN_EXPIRED");
  expect_error(poll(t), 410, "QR_LOGIN_EXPIRED");
  EXPECT_EQ(count_rows("qr_logins", "state = 'expired'"), 1);

  // A confirmed ticket the desktop did not collect in time is no good either.
  const Ticket late = create();
  ASSERT_EQ(phone("scan", late, s.caller).status, 200);
  ASSERT_EQ(phone("confirm", late, s.caller).status, 200);
  advance(std::chrono::seconds(121));
  expect_error(poll(late), 410, "QR_LOGIN_EXPIRED");
  EXPECT_EQ(count_rows("sessions"), 1);
}

TEST_F(RestQrLogin, OnlyThePersonWhoScannedMayConfirmOrCancel) {
  const SignedIn first = signed_in_adult();
  const SignedIn second = signed_in_adult();
  const Ticket t = create();
  ASSERT_EQ(phone("scan", t, first.caller).status, 200);
  expect_error(phone("scan", t, second.caller), 403, "QR_LOGIN_OTHER_PERSON");
  expect_error(phone("confirm", t, second.caller), 403, "QR_LOGIN_OTHER_PERSON");
  expect_error(phone("cancel", t, second.caller), 403, "QR_LOGIN_OTHER_PERSON");
  EXPECT_EQ(count_rows("audit_log", "action = 'qr_login.refused' AND detail = 'QR_LOGIN_OTHER_PERSON' AND actor = 'person:" +
                                        std::to_string(second.person_id) + "'"),
            3);
  ASSERT_EQ(phone("confirm", t, first.caller).status, 200);
  const Reply polled = poll(t);
  ASSERT_EQ(polled.status, 200) << polled.body;
  EXPECT_EQ(polled.json["subject"].value("person_id", 0LL), first.person_id);
}

TEST_F(RestQrLogin, CancelledByThePhone) {
  const SignedIn s = signed_in_adult();
  const Ticket t = create();
  expect_error(phone("cancel", t, s.caller), 409, "QR_LOGIN_NOT_SCANNED");
  expect_error(phone("confirm", t, s.caller), 409, "QR_LOGIN_NOT_SCANNED");
  ASSERT_EQ(phone("scan", t, s.caller).status, 200);
  const Reply cancelled = phone("cancel", t, s.caller);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json.value("status", ""), "cancelled");
  expect_error(poll(t), 410, "QR_LOGIN_CANCELLED");
  expect_error(phone("confirm", t, s.caller), 410, "QR_LOGIN_CANCELLED");
  EXPECT_EQ(count_rows("audit_log", "action = 'qr_login.cancel'"), 1);
  EXPECT_EQ(count_rows("sessions"), 1);
}

TEST_F(RestQrLogin, ThePhoneMustBeSignedInAndSendItsCsrfToken) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const Ticket t = create();
  expect_error(phone("scan", t, {}), 401, "UNAUTHENTICATED");
  expect_error(phone("scan", t, cookie_of(signed_in, false)), 403, "CSRF_INVALID");
  const Reply scanned = phone("scan", t, cookie_of(signed_in, true));
  EXPECT_EQ(scanned.status, 200) << scanned.body;
}

TEST_F(RestQrLogin, TwoPollsAtOnceIssueOneSession) {
  const SignedIn s = signed_in_adult();
  const Ticket t = create();
  ASSERT_EQ(phone("scan", t, s.caller).status, 200);
  ASSERT_EQ(phone("confirm", t, s.caller).status, 200);
  constexpr int kPolls = 6;
  std::vector<int> statuses(kPolls);
  std::vector<std::thread> threads;
  for (int i = 0; i < kPolls; ++i) threads.emplace_back([&, i] { statuses[static_cast<std::size_t>(i)] = poll(t).status; });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 410), kPolls - 1);
  EXPECT_EQ(count_rows("sessions", "person_id = " + std::to_string(s.person_id)), 2);
}

TEST_F(RestQrLogin, OriginMakesTheLinkAbsoluteAndIsChecked) {
  const Ticket t = create(R"({"origin": "https://uia.example.gov.cn:8443"})");
  EXPECT_EQ(t.url, "https://uia.example.gov.cn:8443/#/qr?ticket=" + t.ticket);
  for (const char* bad : {R"j({"origin": "javascript:alert(1)"})j", R"({"origin": "https://a.example/path"})",
                          R"({"origin": "https://a.example@evil"})"}) {
    const Reply refused = request("POST", "/api/v1/qr-logins", bad);
    expect_error(refused, 400, "QR_LOGIN_ORIGIN_INVALID", "origin");
  }
  expect_error(request("POST", "/api/v1/qr-logins", "[1]"), 400, "REQUEST_INVALID");
  expect_error(request("POST", "/api/v1/qr-logins", ""), 400, "REQUEST_INVALID");
  expect_error(request("POST", "/api/v1/qr-logins", "{}"), 400, "FIELD_REQUIRED", "origin");
  expect_error(request("POST", "/api/v1/qr-logins", R"({"origin": 5})"), 400, "FIELD_TYPE", "origin");
}

TEST_F(RestQrLogin, EachAddressGetsTwentyTicketsAMinute) {
  const std::string body = R"({"origin": "https://uia.example.gov.cn"})";
  for (int i = 0; i < 20; ++i) ASSERT_EQ(request("POST", "/api/v1/qr-logins", body).status, 201) << i;
  const Reply refused = request("POST", "/api/v1/qr-logins", body);
  expect_error(refused, 429, "TOO_MANY_REQUESTS");
  advance(std::chrono::seconds(61));
  EXPECT_EQ(request("POST", "/api/v1/qr-logins", body).status, 201);
}

}  // namespace
}  // namespace uia::rest
