// Back-office staff over REST: accounts from `uia admin add`, bearer-only sessions in a table
// of their own (a staff token never acts as a person, nor a person's as staff), the sign-in
// lockout, roles, and the audit query (filters, keyset pages, RFC 3339, bad filters, and the
// query itself audited).
#include <set>

#include "rest_staff_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

using RestAdminCli = RestStaffTest;
using RestStaffSession = RestStaffTest;
using RestAuditQuery = RestStaffTest;

TEST_F(RestAdminCli, CreatesAStaffAccountThatSignsIn) {
  std::string out;
  ASSERT_EQ(admin_add("Desk.One", "reviewer,auditor", std::string(kStaffPassword) + "\n", &out), 0) << out;
  EXPECT_NE(out.find("\"username\":\"desk.one\""), std::string::npos) << out;
  EXPECT_EQ(out.find(kStaffPassword), std::string::npos) << "a typed password is never echoed";
  EXPECT_EQ(count_rows("staff", "username = 'desk.one' AND password_hash LIKE '$argon2id$%'"), 1);
  EXPECT_EQ(count_rows("staff", "password_hash LIKE '%Review-Desk%'"), 0);

  const Reply signed_in = staff_login("DESK.ONE", kStaffPassword);  // usernames are case-insensitive
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_GE(signed_in.json.value("token", "").size(), 40u);
  EXPECT_EQ(signed_in.json.value("expires_in", 0), 1800);
  EXPECT_EQ(signed_in.json["staff"]["username"], "desk.one");
  EXPECT_EQ(signed_in.json["staff"]["roles"], nlohmann::json({"reviewer", "auditor"}));
  EXPECT_TRUE(signed_in.header("set-cookie").empty()) << "staff sessions are bearer-only";
  EXPECT_EQ(count_rows("staff_sessions"), 1);
  EXPECT_EQ(count_rows("staff_sessions", "token_hash = '" + signed_in.json.value("token", "") + "'"), 0)
      << "only the token's hash is stored";
  EXPECT_EQ(count_rows("audit_log", "action = 'staff.create' AND actor = 'system'"), 1);
}

TEST_F(RestAdminCli, GeneratesAPasswordWhenNoneIsGiven) {
  std::string out;
  ASSERT_EQ(admin_add("auditor1", "auditor", "", &out), 0) << out;
  const std::string marker = "password (shown once, store it safely): ";
  const auto at = out.find(marker);
  ASSERT_NE(at, std::string::npos) << out;
  const std::string password = out.substr(at + marker.size(), out.find('\n', at) - at - marker.size());
  EXPECT_GE(password.size(), 24u);
  EXPECT_EQ(staff_login("auditor1", password).status, 201);
}

TEST_F(RestAdminCli, RefusesBadInput) {
  EXPECT_EQ(admin_add("desk2", "superuser", std::string(kStaffPassword) + "\n"), 2);
  EXPECT_EQ(admin_add("desk2", "reviewer,reviewer", std::string(kStaffPassword) + "\n"), 2);
  EXPECT_EQ(admin_add("desk2", "", std::string(kStaffPassword) + "\n"), 2);
  EXPECT_EQ(admin_add("2desk", "reviewer", std::string(kStaffPassword) + "\n"), 2);
  EXPECT_EQ(admin_add("de", "reviewer", std::string(kStaffPassword) + "\n"), 2);
  EXPECT_EQ(admin_add("desk2", "reviewer", "short1A!\n"), 2);
  EXPECT_EQ(admin_add("desk2", "reviewer", "alllowercaseletters\n"), 2);
  EXPECT_EQ(count_rows("staff"), 0);
  EXPECT_EQ(admin_add("desk2", "reviewer", std::string(kStaffPassword) + "\n"), 0);
  EXPECT_EQ(admin_add("DESK2", "auditor", std::string(kStaffPassword) + "\n"), 1) << "the name is taken";
  EXPECT_EQ(count_rows("staff"), 1);
}

TEST_F(RestAdminCli, DisablingEndsAccessAtOnce) {
  const Caller staff = signed_in_staff("leaver", "auditor");
  ASSERT_EQ(get("/api/v1/admin/audit", staff).status, 200);
  const auto disable = [&](const std::string& username) {
    std::istringstream in;
    std::ostringstream out, err;
    return run_admin_command({"disable", "--db", db_url_, "--username", username}, in, out, err);
  };
  EXPECT_EQ(disable("LEAVER"), 0);
  expect_error(get("/api/v1/admin/audit", staff), 401, "UNAUTHENTICATED");
  expect_error(staff_login("leaver", kStaffPassword), 401, "CREDENTIALS_INVALID");
  EXPECT_EQ(count_rows("staff_sessions", "revoked_at IS NULL"), 0);
  EXPECT_EQ(count_rows("audit_log", "action = 'staff.disable' AND actor = 'system'"), 1);
  EXPECT_EQ(disable("nobody"), 1);
}

TEST_F(RestStaffSession, WrongPasswordAndUnknownNameGetOneAnswer) {
  ASSERT_EQ(admin_add("desk3", "reviewer", std::string(kStaffPassword) + "\n"), 0);
  const Reply wrong = staff_login("desk3", "Not-The-Password-1");
  const Reply unknown = staff_login("nobody", kStaffPassword);
  expect_error(wrong, 401, "CREDENTIALS_INVALID");
  expect_error(unknown, 401, "CREDENTIALS_INVALID");
  EXPECT_EQ(wrong.json["error"]["message"], unknown.json["error"]["message"]);
  EXPECT_EQ(count_rows("audit_log", "action = 'staff.login' AND result = 'denied'"), 2);
  EXPECT_EQ(count_rows("staff_sessions"), 0);
}

TEST_F(RestStaffSession, FiveFailuresLockTheName) {
  ASSERT_EQ(admin_add("desk4", "auditor", std::string(kStaffPassword) + "\n"), 0);
  for (int i = 0; i < 4; ++i) expect_error(staff_login("desk4", "Wrong-Password-9"), 401, "CREDENTIALS_INVALID");
  const Reply fifth = staff_login("desk4", "Wrong-Password-9");
  expect_error(fifth, 423, "ACCOUNT_LOCKED");
  const Reply right = staff_login("desk4", kStaffPassword);
  expect_error(right, 423, "ACCOUNT_LOCKED");
  EXPECT_GT(right.json["error"].value("retry_after", 0), 0);
  // The staff lock is the staff name's alone: persons still sign in.
  const Applicant a = active_adult();
  EXPECT_EQ(login(a.account, a.password).status, 201);
  advance(31min);
  EXPECT_EQ(staff_login("desk4", kStaffPassword).status, 201);
}

TEST_F(RestStaffSession, BadInputIsA400WithTheField) {
  expect_error(post_text("/api/v1/admin/sessions", "not json"), 400, "REQUEST_INVALID");
  expect_error(post_text("/api/v1/admin/sessions", "[1,2]"), 400, "REQUEST_INVALID");
  expect_error(post("/api/v1/admin/sessions", {{"password", "x"}}), 400, "FIELD_REQUIRED", "username");
  expect_error(post("/api/v1/admin/sessions", {{"username", "desk"}, {"password", 12345}}), 400, "FIELD_TYPE", "password");
  expect_error(post("/api/v1/admin/sessions", {{"username", std::string(5000, 'a')}, {"password", "x"}}), 400,
               "FIELD_TYPE", "username");
  expect_error(post("/api/v1/admin/sessions", {{"username", {{"a", 1}}}, {"password", "x"}}), 400, "FIELD_TYPE",
               "username");
}

TEST_F(RestStaffSession, StaffAndPersonTokensNeverCross) {
  const Caller staff = signed_in_staff("desk5", "auditor,reviewer,admin");
  EXPECT_EQ(get("/api/v1/admin/audit", staff).status, 200);
  expect_error(get("/api/v1/me", staff), 401, "UNAUTHENTICATED");
  Caller staff_as_cookie;
  staff_as_cookie.cookie = staff.bearer;
  expect_error(get("/api/v1/me", staff_as_cookie), 401, "UNAUTHENTICATED");

  const Applicant a = active_adult();
  const Reply person = login(a.account, a.password);
  ASSERT_EQ(person.status, 201);
  expect_error(get("/api/v1/admin/audit", bearer_of(person)), 401, "UNAUTHENTICATED");
  expect_error(get("/api/v1/admin/reviews", bearer_of(person)), 401, "UNAUTHENTICATED");
  expect_error(get("/api/v1/admin/audit", cookie_of(person, true)), 401, "UNAUTHENTICATED");
  expect_error(del("/api/v1/admin/sessions/current", bearer_of(person)), 401, "UNAUTHENTICATED");
  EXPECT_EQ(get("/api/v1/me", bearer_of(person)).status, 200) << "the person's session is untouched";
}

TEST_F(RestStaffSession, SignOutEndsTheTokenAtOnce) {
  const Caller staff = signed_in_staff("desk6", "auditor");
  expect_error(del("/api/v1/admin/sessions/current"), 401, "UNAUTHENTICATED");
  EXPECT_EQ(del("/api/v1/admin/sessions/current", staff).status, 204);
  expect_error(get("/api/v1/admin/audit", staff), 401, "UNAUTHENTICATED");
  expect_error(del("/api/v1/admin/sessions/current", staff), 401, "UNAUTHENTICATED");
  EXPECT_EQ(count_rows("audit_log", "action = 'staff.logout' AND result = 'ok'"), 1);
}

TEST_F(RestStaffSession, IdleAndAbsoluteExpiry) {
  const Caller staff = signed_in_staff("desk7", "auditor");
  advance(29min);
  EXPECT_EQ(get("/api/v1/admin/audit", staff).status, 200);
  advance(30min + 1s);
  expect_error(get("/api/v1/admin/audit", staff), 401, "SESSION_EXPIRED");

  const Caller busy = bearer_of(staff_login("desk7", kStaffPassword));
  for (int i = 0; i < 25; ++i) {  // active every 29 minutes: the absolute 12 hours still end it
    advance(29min);
    if (get("/api/v1/admin/audit?limit=1", busy).status != 200) break;
  }
  expect_error(get("/api/v1/admin/audit?limit=1", busy), 401, "SESSION_EXPIRED");
}

TEST_F(RestStaffSession, RolesAreEnforced) {
  const Caller reviewer = signed_in_staff("desk8", "reviewer");
  const Caller auditor = signed_in_staff("desk9", "auditor");
  const Caller admin = signed_in_staff("desk10", "admin");
  expect_error(get("/api/v1/admin/audit", reviewer), 403, "STAFF_ROLE_REQUIRED");
  expect_error(get("/api/v1/admin/audit", admin), 403, "STAFF_ROLE_REQUIRED");
  expect_error(get("/api/v1/admin/reviews", auditor), 403, "STAFF_ROLE_REQUIRED");
  expect_error(get("/api/v1/admin/reviews/1", auditor), 403, "STAFF_ROLE_REQUIRED");
  expect_error(post("/api/v1/admin/reviews/1", {{"decision", "approve"}}, auditor), 403, "STAFF_ROLE_REQUIRED");
  EXPECT_EQ(get("/api/v1/admin/audit", auditor).status, 200);
  EXPECT_EQ(get("/api/v1/admin/reviews", reviewer).status, 200);
}

TEST_F(RestAuditQuery, NewestFirstFilteredByActorAndAction) {
  const Caller auditor = signed_in_staff("auditor2", "auditor");
  const Applicant a = active_adult();
  ASSERT_EQ(login(a.account, a.password).status, 201);
  advance(1min);
  ASSERT_EQ(login(a.account, a.password).status, 201);
  expect_error(login(a.account, "Wrong#2026pass"), 401, "CREDENTIALS_INVALID");

  const Reply logins = get("/api/v1/admin/audit?action=session.login", auditor);
  ASSERT_EQ(logins.status, 200) << logins.body;
  ASSERT_EQ(logins.json["events"].size(), 3u) << logins.body;
  long long previous = 1LL << 62;
  for (const auto& e : logins.json["events"]) {
    EXPECT_EQ(e["action"], "session.login");
    EXPECT_LT(e["id"].get<long long>(), previous);
    previous = e["id"].get<long long>();
  }
  EXPECT_EQ(logins.json["events"][0]["result"], "denied");
  EXPECT_EQ(logins.json["events"][1]["at"], "2026-11-25T12:01:00Z");
  EXPECT_TRUE(logins.json["next_cursor"].is_null());

  const Reply denied = get("/api/v1/admin/audit?action=session.login&result=denied", auditor);
  ASSERT_EQ(denied.json["events"].size(), 1u) << denied.body;
  EXPECT_EQ(denied.json["events"][0]["detail"], "CREDENTIALS_INVALID");

  const std::string person = logins.json["events"][1]["actor"].get<std::string>();
  EXPECT_EQ(person.rfind("person:", 0), 0u);
  const Reply mine = get("/api/v1/admin/audit?actor=" + person, auditor);
  ASSERT_EQ(mine.status, 200);
  std::set<std::string> actions;
  for (const auto& e : mine.json["events"]) {
    EXPECT_EQ(e["actor"], person);
    actions.insert(e["action"].get<std::string>());
  }
  EXPECT_TRUE(actions.count("person.register") && actions.count("session.login")) << mine.body;
  EXPECT_EQ(get("/api/v1/admin/audit?target=" + person + "&action=person.register", auditor).json["events"].size(), 1u);
}

TEST_F(RestAuditQuery, KeysetPagesCoverEverythingOnce) {
  const Caller auditor = signed_in_staff("auditor3", "auditor");
  for (int i = 0; i < 5; ++i) {
    const Applicant a = child_resident();
    ASSERT_EQ(register_person(a).status, 201);
  }
  std::vector<long long> seen;
  std::string cursor;
  int pages = 0;
  do {
    const Reply page = get("/api/v1/admin/audit?action=person.register&limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor),
                           auditor);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_LE(page.json["events"].size(), 2u);
    for (const auto& e : page.json["events"]) seen.push_back(e["id"].get<long long>());
    cursor = page.json["next_cursor"].is_null() ? "" : page.json["next_cursor"].get<std::string>();
    // Events arriving between pages do not shift the pages (keyset, not offset).
    ASSERT_EQ(register_person(child_resident()).status, 201);
  } while (!cursor.empty() && ++pages < 10);
  EXPECT_EQ(pages, 2);
  ASSERT_EQ(seen.size(), 5u);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_LT(seen[i], seen[i - 1]);
}

TEST_F(RestAuditQuery, TimeRangeInRfc3339) {
  ASSERT_EQ(register_person(child_resident()).status, 201);  // 12:00Z
  advance(2h);
  ASSERT_EQ(register_person(child_resident()).status, 201);  // 14:00Z
  const Caller auditor = signed_in_staff("auditor4", "auditor");
  const auto count = [&](const std::string& range) {
    const Reply r = get("/api/v1/admin/audit?action=person.register&" + range, auditor);
    EXPECT_EQ(r.status, 200) << range << " " << r.body;
    return r.json["events"].size();
  };
  EXPECT_EQ(count("from=2026-11-25T13:00:00Z"), 1u);
  EXPECT_EQ(count("to=2026-11-25T13:00:00Z"), 1u);
  EXPECT_EQ(count("from=2026-11-25T12:00:00Z&to=2026-11-25T14:00:00Z"), 1u) << "from inclusive, to exclusive";
  EXPECT_EQ(count("from=2026-11-25T21:00:00%2B08:00"), 1u) << "13:00Z written in Beijing time";
  EXPECT_EQ(count("from=2026-11-25T11:59:59.500Z"), 2u);
  EXPECT_EQ(count("from=2026-11-26T00:00:00Z"), 0u);
  const Reply r = get("/api/v1/admin/audit?action=person.register&limit=1", auditor);
  EXPECT_EQ(r.json["events"][0]["at"], "2026-11-25T14:00:00Z");
}

TEST_F(RestAuditQuery, BadFiltersAre400WithTheField) {
  const Caller auditor = signed_in_staff("auditor5", "auditor");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"limit=0", "limit"},
      {"limit=-3", "limit"},
      {"limit=ten", "limit"},
      {"limit=99999999999999999999999", "limit"},
      {"from=yesterday", "from"},
      {"from=2026-11-25", "from"},
      {"to=2026-13-01T00:00:00Z", "to"},
      {"to=2026-02-30T00:00:00Z", "to"},
      {"from=2026-11-25T12:00:00Z&to=2026-11-24T12:00:00Z", "from"},
      {"cursor=abc", "cursor"},
      {"cursor=-5", "cursor"},
      {"cursor=0", "cursor"},
      {"cursor=1795608000-0", "cursor"},
      {"cursor=1795608000-x", "cursor"},
      {"cursor=1795608000-", "cursor"},
      {"result=maybe", "result"},
      {"actor=%E9%99%88", "actor"},
      {"target=" + std::string(300, 'x'), "target"},
      {"sort=asc", "sort"},
  };
  for (const auto& [query, field] : cases) {
    const Reply r = get("/api/v1/admin/audit?" + query, auditor);
    expect_error(r, 400, "FILTER_INVALID", field);
  }
  // Too large a limit is capped, not refused.
  const Reply capped = get("/api/v1/admin/audit?limit=100000", auditor);
  EXPECT_EQ(capped.status, 200) << capped.body;
  EXPECT_LE(capped.json["events"].size(), 200u);
}

TEST_F(RestAuditQuery, ReadingTheTrailIsAudited) {
  const Caller auditor = signed_in_staff("auditor6", "auditor");
  const Reply first = get("/api/v1/admin/audit?action=person.register", auditor);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.json["events"].size(), 0u);
  const Reply reads = get("/api/v1/admin/audit?action=audit.query", auditor);
  ASSERT_EQ(reads.json["events"].size(), 1u) << "a query never lists its own entry: " << reads.body;
  const auto& entry = reads.json["events"][0];
  EXPECT_EQ(entry["actor"].get<std::string>().rfind("staff:", 0), 0u);
  EXPECT_EQ(entry["target"], "audit_log");
  EXPECT_EQ(entry["result"], "ok");
  EXPECT_EQ(entry["client_ip"], "127.0.0.1");
  EXPECT_EQ(entry["detail"], "action=person.register");
  EXPECT_EQ(count_rows("audit_log", "action = 'audit.query'"), 2);
}

}  // namespace
}  // namespace uia::rest
