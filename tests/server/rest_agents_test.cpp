// Enterprise agents (经办人) over HTTP (issue 5; seeds 000 我的经办人/经办人中心, 001 法人授权/代理
// 登录, 002 roles, 003 经办人 24 小时确认): adding agents after the legal representative's face
// check, acceptance within 24 hours (the manual clock moves), admin agents, re-delegation at most
// 3 levels deep, revocation of a grant and everything below it, disable/enable, expiry read from
// the clock, agent_password sign-in, identity switching, grant requests, the audit trail.
#include <soci/soci.h>

#include <atomic>

#include "ids/uscc.h"
#include "rest_test_support.h"
#include "store/enterprise_repository.h"

namespace uia::rest {
namespace {

struct Someone {
  Applicant applicant;
  Caller caller;  // a person's own session (bearer)
  long long id = 0;
};

class RestAgents : public RestTest {
 protected:
  void SetUp() override {
    RestTest::SetUp();
    rep_ = someone();
    enterprise_id_ = make_enterprise(rep_.id);
    rep_caller_ = act_as(rep_, enterprise_id_);
  }

  Reply put(const std::string& path, const nlohmann::json& body, const Caller& caller) {
    return request("PUT", path, body.dump(), caller);
  }
  Reply patch(const std::string& path, const nlohmann::json& body, const Caller& caller) {
    return request("PATCH", path, body.dump(), caller);
  }
  void expect_error(const Reply& reply, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.error_code(), code) << reply.body;
    if (!field.empty()) EXPECT_EQ(reply.error_field(), field) << reply.body;
    EXPECT_FALSE(reply.json["error"].value("message", "").empty()) << reply.body;
  }

  // A registered, face-checked adult signed in as themselves.
  Someone someone() {
    Someone s;
    s.applicant = active_adult();
    const Reply in = login(s.applicant.account, s.applicant.password);
    EXPECT_EQ(in.status, 201) << in.body;
    s.caller = bearer_of(in);
    s.id = in.json.is_object() ? in.json["subject"].value("person_id", 0LL) : 0;
    return s;
  }

  // An active enterprise whose legal representative is person `rep_id` (as registration and
  // the representative's face check leave it).
  long long make_enterprise(long long rep_id) {
    auto& services = platform_->services;
    store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
    store::Enterprise e;
    e.account = unique_account();
    e.uscc = unique_uscc();
    e.name = "长春星河科技有限公司";
    e.org_type = "enterprise";
    e.rep_person_id = rep_id;
    e.rep_name = rep_.applicant.name;
    e.rep_id_type = "resident";
    e.rep_id_number = rep_.applicant.id_number;
    e.phone = unique_phone();
    e.password_hash = services.passwords->hash(enterprise_password_);
    e.status = store::EnterpriseStatus::Active;
    e.registry_confirmed = true;
    e.created_at = e.updated_at = services.now_seconds();
    uscc_ = e.uscc;
    return services.db->transact([&](soci::session& sql) { return enterprises.insert(sql, e); });
  }

  // A fresh sign-in of `who` switched to act for the enterprise (legal_rep, or the grant).
  Caller act_as(const Someone& who, long long enterprise_id, long long grant_id = 0) {
    const Reply in = login(who.applicant.account, who.applicant.password);
    EXPECT_EQ(in.status, 201) << in.body;
    const Caller caller = bearer_of(in);
    nlohmann::json body = {{"type", "enterprise"}, {"enterprise_id", enterprise_id}};
    if (grant_id != 0) body["grant_id"] = grant_id;
    const Reply switched = put("/api/v1/sessions/current/identity", body, caller);
    EXPECT_EQ(switched.status, 200) << switched.body;
    return caller;
  }

  // After the clock jumped past the 30-minute idle limit: fresh sessions.
  void sign_in_again(Someone& who) {
    const Reply in = login(who.applicant.account, who.applicant.password);
    EXPECT_EQ(in.status, 201) << in.body;
    who.caller = bearer_of(in);
  }
  void representative_signs_in_again() { rep_caller_ = act_as(rep_, enterprise_id_); }

  nlohmann::json grant_body(const Someone& agent, nlohmann::json scope, const std::string& valid_to, bool admin = false) {
    return {{"name", agent.applicant.name}, {"id_number", agent.applicant.id_number}, {"phone", agent.applicant.phone},
            {"scope", scope}, {"valid_to", valid_to}, {"admin", admin}};
  }
  std::string agents_path() const { return "/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/agents"; }
  std::string grant_path(long long grant_id) const { return agents_path() + "/" + std::to_string(grant_id); }

  // The representative adds `agent` and passes the face check; the grant is then pending.
  long long offer(const Someone& agent, nlohmann::json scope = {"tax", "social_security"},
                  const std::string& valid_to = "2027-11-25", bool admin = false) {
    const Reply added = post(agents_path(), grant_body(agent, scope, valid_to, admin), rep_caller_);
    EXPECT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(added.json.value("state", ""), "awaiting_face") << added.body;
    const Reply face = complete_face(added.json.value("face_ticket", "none"), "pass");
    EXPECT_EQ(face.status, 200) << face.body;
    return added.json.value("grant_id", 0LL);
  }
  Reply accept(const Someone& agent, long long grant_id) {
    return post("/api/v1/me/agent-grants/" + std::to_string(grant_id) + "/accept", nlohmann::json::object(), agent.caller);
  }
  // Offered and accepted: an active level-1 grant.
  long long active_grant(const Someone& agent, nlohmann::json scope = {"tax", "social_security"},
                         const std::string& valid_to = "2027-11-25", bool admin = false) {
    const long long id = offer(agent, scope, valid_to, admin);
    const Reply accepted = accept(agent, id);
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(accepted.json.value("state", ""), "active") << accepted.body;
    return id;
  }
  // `from` re-delegates its grant to `to`, who accepts; the new grant's id.
  long long delegate(const Someone& from, long long grant_id, const Someone& to, nlohmann::json scope = {"tax"},
                     const std::string& valid_to = "2027-06-30") {
    const Reply made = post("/api/v1/me/agent-grants/" + std::to_string(grant_id) + "/delegations",
                            grant_body(to, scope, valid_to), from.caller);
    EXPECT_EQ(made.status, 201) << made.body;
    const long long id = made.json.value("grant_id", 0LL);
    const Reply accepted = accept(to, id);
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    return id;
  }
  Reply agent_login(const std::string& uscc, const std::string& identifier, const std::string& password) {
    const Captcha c = captcha();
    return post("/api/v1/sessions", {{"method", "agent_password"}, {"uscc", uscc}, {"identifier", identifier},
                                     {"password", password}, {"captcha_id", c.id}, {"captcha_answer", c.answer}});
  }
  std::string state_of(long long grant_id) {
    const Reply list = get(agents_path(), rep_caller_);
    EXPECT_EQ(list.status, 200) << list.body;
    for (const auto& g : list.json["agents"])
      if (g.value("grant_id", 0LL) == grant_id) return g.value("state", "");
    return "missing";
  }

  Someone rep_;
  long long enterprise_id_ = 0;
  Caller rep_caller_;
  std::string uscc_;
  std::string enterprise_password_ = "Ent#2026pass";
};

TEST_F(RestAgents, LegalRepAddsAnAgentAfterAFaceCheckAndTheAgentAcceptsThenSignsIn) {
  const Someone agent = someone();
  const Reply added = post(agents_path(), grant_body(agent, {"tax", "licensing"}, "2027-11-25", false), rep_caller_);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json.value("state", ""), "awaiting_face");
  EXPECT_EQ(added.json.value("level", 0), 1);
  EXPECT_EQ(added.json["agent"].value("id_number", "").find(agent.applicant.id_number), std::string::npos);
  const long long grant_id = added.json.value("grant_id", 0LL);
  // Not offered before the representative's face passes.
  EXPECT_TRUE(get("/api/v1/me/agent-grants", agent.caller).json["grants"].empty());
  ASSERT_EQ(complete_face(added.json.value("face_ticket", ""), "pass").status, 200);

  const Reply offered = get("/api/v1/me/agent-grants", agent.caller);
  ASSERT_EQ(offered.json["grants"].size(), 1u) << offered.body;
  EXPECT_EQ(offered.json["grants"][0].value("state", ""), "pending");
  EXPECT_FALSE(offered.json["grants"][0]["confirm_by"].is_null());
  // A message in the app and an SMS with the link.
  const Reply inbox = get("/api/v1/me/messages", agent.caller);
  ASSERT_FALSE(inbox.json["messages"].empty()) << inbox.body;
  EXPECT_EQ(inbox.json["messages"][0].value("kind", ""), "agent_grant.offer");
  const nlohmann::json sms = newest_sms(agent.applicant.phone);
  EXPECT_NE(sms.value("text", "").find("/agent-grants/" + std::to_string(grant_id)), std::string::npos) << sms.dump();

  const Reply accepted = accept(agent, grant_id);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json.value("state", ""), "active");
  EXPECT_TRUE(accepted.json.value("in_force", false));
  EXPECT_EQ(state_of(grant_id), "active");

  // Sign in by USCC + phone, and by USCC + ID number.
  const Reply by_phone = agent_login(uscc_, agent.applicant.phone, agent.applicant.password);
  ASSERT_EQ(by_phone.status, 201) << by_phone.body;
  EXPECT_EQ(by_phone.json["subject"].value("acting_role", ""), "agent");
  EXPECT_EQ(by_phone.json["subject"].value("grant_id", 0LL), grant_id);
  EXPECT_EQ(agent_login(uscc_, agent.applicant.id_number, agent.applicant.password).status, 201);
  const Reply centre = get("/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/agent-centre", bearer_of(by_phone));
  ASSERT_EQ(centre.status, 200) << centre.body;
  EXPECT_EQ(centre.json["enterprise"].value("uscc", ""), uscc_);
  EXPECT_FALSE(centre.json.value("can_manage_agents", true));
  EXPECT_EQ(centre.json["grant"].value("grant_id", 0LL), grant_id);

  const Reply mine = get("/api/v1/me/enterprises", agent.caller);
  ASSERT_EQ(mine.json["enterprises"].size(), 1u) << mine.body;
  EXPECT_EQ(mine.json["enterprises"][0].value("role", ""), "agent");
  EXPECT_EQ(mine.json["enterprises"][0]["enterprise"].value("id", 0LL), enterprise_id_);
}

TEST_F(RestAgents, AFailedFaceCheckOffersNothingAndARefusedGrantCannotBeAccepted) {
  const Someone agent = someone();
  const Reply added = post(agents_path(), grant_body(agent, {"tax"}, "2027-01-01"), rep_caller_);
  ASSERT_EQ(added.status, 201) << added.body;
  ASSERT_EQ(complete_face(added.json.value("face_ticket", ""), "fail").status, 200);
  EXPECT_EQ(state_of(added.json.value("grant_id", 0LL)), "face_failed");
  EXPECT_TRUE(get("/api/v1/me/agent-grants", agent.caller).json["grants"].empty());

  const long long second = offer(agent);
  const Reply refused = post("/api/v1/me/agent-grants/" + std::to_string(second) + "/refuse", nlohmann::json::object(),
                             agent.caller);
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json.value("state", ""), "refused");
  expect_error(accept(agent, second), 409, "AGENT_GRANT_STATE_INVALID");
  // Someone else's grant is not found at all.
  const Someone stranger = someone();
  expect_error(accept(stranger, second), 404, "NOT_FOUND");
}

TEST_F(RestAgents, AcceptingAfter24HoursIsRefusedAndTheGrantReadsExpired) {
  Someone agent = someone();
  const long long grant_id = offer(agent);
  advance(std::chrono::hours(24) + std::chrono::seconds(1));
  sign_in_again(agent);
  representative_signs_in_again();
  expect_error(accept(agent, grant_id), 409, "AGENT_ACCEPT_EXPIRED", "grant_id");
  EXPECT_EQ(state_of(grant_id), "expired");
  // Expired for good: a new offer can be made.
  const long long again = offer(agent);
  EXPECT_EQ(accept(agent, again).status, 200);
}

TEST_F(RestAgents, TheAgentChangesItsOwnPasswordFromTheAgentCentre) {
  const Someone agent = someone();
  active_grant(agent);
  const Reply in = agent_login(uscc_, agent.applicant.phone, agent.applicant.password);
  ASSERT_EQ(in.status, 201) << in.body;
  const Reply changed = put("/api/v1/me/password",
                            {{"old_password", agent.applicant.password}, {"new_password", "Agent#2027pass"}}, bearer_of(in));
  EXPECT_LT(changed.status, 300) << changed.body;
  expect_error(agent_login(uscc_, agent.applicant.phone, agent.applicant.password), 401, "CREDENTIALS_INVALID");
  EXPECT_EQ(agent_login(uscc_, agent.applicant.phone, "Agent#2027pass").status, 201);
}

TEST_F(RestAgents, ANonAdminAgentNeverSeesAgentManagement) {
  const Someone agent = someone();
  const Someone other = someone();
  active_grant(agent);
  const Reply in = agent_login(uscc_, agent.applicant.phone, agent.applicant.password);
  ASSERT_EQ(in.status, 201) << in.body;
  const Caller as_agent = bearer_of(in);
  expect_error(get(agents_path(), as_agent), 403, "AGENT_ADMIN_REQUIRED");
  expect_error(post(agents_path(), grant_body(other, {"tax"}, "2027-01-01"), as_agent), 403, "AGENT_ADMIN_REQUIRED");
  expect_error(get("/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/grant-requests", as_agent), 403,
               "AGENT_ADMIN_REQUIRED");
  // Nor does the agent manage the enterprise account itself.
  expect_error(put("/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/password",
                   {{"old_password", "x"}, {"new_password", "y"}}, as_agent),
               403, "ENTERPRISE_FORBIDDEN");
}

TEST_F(RestAgents, AnAdminAgentAddsAgentsBelowItsOwnGrantButNoAdmins) {
  const Someone admin = someone();
  const Someone agent = someone();
  const long long admin_grant = active_grant(admin, {"tax", "social_security"}, "2027-11-25", true);
  const Reply in = agent_login(uscc_, admin.applicant.phone, admin.applicant.password);
  ASSERT_EQ(in.status, 201) << in.body;
  EXPECT_EQ(in.json["subject"].value("acting_role", ""), "admin");
  const Caller as_admin = bearer_of(in);
  expect_error(post(agents_path(), grant_body(agent, {"tax"}, "2027-01-01", true), as_admin), 403,
               "AGENT_ADMIN_FLAG_FORBIDDEN", "admin");
  expect_error(post(agents_path(), grant_body(agent, {"tax", "licensing"}, "2027-01-01"), as_admin), 400,
               "AGENT_GRANT_EXCEEDS_PARENT", "scope");
  const Reply added = post(agents_path(), grant_body(agent, {"tax"}, "2027-01-01"), as_admin);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json.value("state", ""), "pending");  // no face check: the admin was authorized already
  EXPECT_EQ(added.json.value("level", 0), 2);
  EXPECT_EQ(added.json.value("parent_grant_id", 0LL), admin_grant);
  const Reply list = get(agents_path(), as_admin);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json["agents"].size(), 2u);
  for (const auto& g : list.json["agents"])  // its own grant is not its to manage
    EXPECT_EQ(g.value("manageable", false), g.value("grant_id", 0LL) != admin_grant) << g.dump();
  expect_error(request("DELETE", grant_path(admin_grant), "", as_admin), 403, "ENTERPRISE_FORBIDDEN");
  // The audit trail names whom the admin acted for.
  EXPECT_EQ(count_rows("audit_log", "action = 'agent_grant.create' AND actor = 'person:" + std::to_string(admin.id) +
                                        "' AND acting_for = 'enterprise:" + std::to_string(enterprise_id_) +
                                        " role:admin grant:" + std::to_string(admin_grant) + "'"),
            1);
}

TEST_F(RestAgents, ReDelegationStopsAtTheThirdLevel) {
  const Someone a = someone(), b = someone(), c = someone(), d = someone();
  const long long ga = active_grant(a, {"tax", "social_security"}, "2027-11-25");
  const long long gb = delegate(a, ga, b, {"tax", "social_security"}, "2027-10-01");
  const long long gc = delegate(b, gb, c, {"tax"}, "2027-06-30");
  EXPECT_EQ(state_of(gc), "active");
  const Reply fourth = post("/api/v1/me/agent-grants/" + std::to_string(gc) + "/delegations",
                            grant_body(d, {"tax"}, "2027-01-01"), c.caller);
  expect_error(fourth, 409, "AGENT_LEVEL_EXCEEDED");
  // The level-3 agent signs in and acts.
  const Reply in = agent_login(uscc_, c.applicant.id_number, c.applicant.password);
  ASSERT_EQ(in.status, 201) << in.body;
  EXPECT_EQ(in.json["subject"].value("grant_id", 0LL), gc);
}

TEST_F(RestAgents, ReDelegatingAWiderScopeOrPeriodThanYourOwnIsRefused) {
  const Someone a = someone(), b = someone();
  const long long ga = active_grant(a, {"tax"}, "2027-01-31");
  const std::string path = "/api/v1/me/agent-grants/" + std::to_string(ga) + "/delegations";
  expect_error(post(path, grant_body(b, {"tax", "housing_fund"}, "2027-01-01"), a.caller), 400,
               "AGENT_GRANT_EXCEEDS_PARENT", "scope");
  expect_error(post(path, grant_body(b, {"tax"}, "2027-02-01"), a.caller), 400, "AGENT_GRANT_EXCEEDS_PARENT", "valid_to");
  expect_error(post(path, grant_body(b, {"no_such_item"}, "2027-01-01"), a.caller), 400, "AGENT_SCOPE_INVALID", "scope");
  // Only a grant in force can be passed on: a pending one cannot.
  const Someone e = someone();
  const long long pending = offer(e);
  expect_error(post("/api/v1/me/agent-grants/" + std::to_string(pending) + "/delegations",
                    grant_body(b, {"tax"}, "2027-01-01"), e.caller),
               403, "AGENT_GRANT_INACTIVE");
  EXPECT_EQ(count_rows("enterprise_agent_grants", "level = 2"), 0);
}

TEST_F(RestAgents, RevokingAGrantEndsEverythingDelegatedFromItAndTheirSessions) {
  const Someone a = someone(), b = someone(), c = someone();
  const long long ga = active_grant(a);
  const long long gb = delegate(a, ga, b, {"tax"});
  const long long gc = delegate(b, gb, c, {"tax"});
  const Reply in = agent_login(uscc_, c.applicant.phone, c.applicant.password);
  ASSERT_EQ(in.status, 201) << in.body;
  const Caller as_c = bearer_of(in);
  const std::string centre = "/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/agent-centre";
  ASSERT_EQ(get(centre, as_c).status, 200);

  const Reply revoked = request("DELETE", grant_path(ga), "", rep_caller_);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json.value("state", ""), "revoked");
  EXPECT_EQ(revoked.json["revoked_grant_ids"].size(), 3u) << revoked.body;
  EXPECT_EQ(state_of(gb), "revoked");
  EXPECT_EQ(state_of(gc), "revoked");
  // The session signed in before stops at its next request; signing in again is refused.
  const Reply stopped = get(centre, as_c);
  expect_error(stopped, 403, "AGENT_GRANT_INACTIVE");
  const Reply again = agent_login(uscc_, c.applicant.phone, c.applicant.password);
  expect_error(again, 403, "AGENT_GRANT_INACTIVE");
  EXPECT_EQ(again.json["error"].value("state", ""), "revoked");
  // The person can still step back to acting as themselves.
  const Reply back = put("/api/v1/sessions/current/identity", {{"type", "person"}}, as_c);
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(get("/api/v1/me", as_c).status, 200);
  expect_error(request("DELETE", grant_path(ga), "", rep_caller_), 409, "AGENT_GRANT_STATE_INVALID");
}

TEST_F(RestAgents, AnExpiredGrantCannotSignInAndStopsSessionsAlreadyOpen) {
  const Someone agent = someone();
  // Valid through today (2026-11-25, 20:00 in Beijing): over at midnight, Beijing time.
  const long long grant_id = active_grant(agent, {"tax"}, "2026-11-25");
  const Reply in = agent_login(uscc_, agent.applicant.phone, agent.applicant.password);
  ASSERT_EQ(in.status, 201) << in.body;
  const Caller as_agent = bearer_of(in);
  const std::string centre = "/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/agent-centre";
  // Keep the session alive past midnight (idle limit 30 minutes).
  for (int i = 0; i < 12; ++i) {
    advance(std::chrono::minutes(25));
    if (get(centre, as_agent).status != 200) break;
  }
  expect_error(get(centre, as_agent), 403, "AGENT_GRANT_INACTIVE");
  representative_signs_in_again();
  EXPECT_EQ(state_of(grant_id), "expired");
  const Reply again = agent_login(uscc_, agent.applicant.phone, agent.applicant.password);
  expect_error(again, 403, "AGENT_GRANT_INACTIVE");
  EXPECT_EQ(again.json["error"].value("state", ""), "expired");
}

TEST_F(RestAgents, TheEnterpriseDisablesEnablesAndEditsGrants) {
  const Someone a = someone(), b = someone();
  const long long ga = active_grant(a, {"tax", "social_security"}, "2027-11-25");
  const long long gb = delegate(a, ga, b, {"tax"}, "2027-06-30");
  const Reply in = agent_login(uscc_, b.applicant.phone, b.applicant.password);
  ASSERT_EQ(in.status, 201) << in.body;
  const Caller as_b = bearer_of(in);
  const std::string centre = "/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/agent-centre";

  // Disabling the parent stops the child's session too; enabling brings both back.
  const Reply disabled = patch(grant_path(ga), {{"enabled", false}}, rep_caller_);
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.json.value("state", ""), "disabled");
  expect_error(get(centre, as_b), 403, "AGENT_GRANT_INACTIVE");
  ASSERT_EQ(patch(grant_path(ga), {{"enabled", true}}, rep_caller_).status, 200);
  EXPECT_EQ(get(centre, as_b).status, 200);

  // Narrowing below what was delegated is refused; within it is fine (PUT works the same).
  expect_error(patch(grant_path(ga), {{"scope", {"social_security"}}}, rep_caller_), 409, "AGENT_GRANT_BELOW_CHILDREN");
  expect_error(patch(grant_path(ga), {{"valid_to", "2027-05-01"}}, rep_caller_), 409, "AGENT_GRANT_BELOW_CHILDREN");
  const Reply edited = put(grant_path(ga), {{"scope", {"tax"}}, {"valid_to", "2027-08-01"}, {"admin", true}}, rep_caller_);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json["scope"], nlohmann::json({"tax"}));
  EXPECT_EQ(edited.json.value("valid_to", ""), "2027-08-01");
  EXPECT_TRUE(edited.json.value("admin", false));
  // The child's own terms stay inside its parent's.
  expect_error(patch(grant_path(gb), {{"valid_to", "2027-09-01"}}, rep_caller_), 400, "AGENT_GRANT_EXCEEDS_PARENT");
  expect_error(patch(grant_path(gb), {{"admin", true}}, rep_caller_), 403, "AGENT_ADMIN_FLAG_FORBIDDEN");
  expect_error(patch(grant_path(ga), {{"enabled", "no"}}, rep_caller_), 400, "FIELD_TYPE", "enabled");
  expect_error(patch(grant_path(999999), {{"enabled", false}}, rep_caller_), 404, "NOT_FOUND");
  EXPECT_EQ(count_rows("audit_log", "action = 'agent_grant.disable' AND acting_for LIKE 'enterprise:%role:legal_rep'"), 1);
}

TEST_F(RestAgents, AgentSignInWithAWrongPasswordGetsTheSameAnswerAsAnyOtherAndLocks) {
  const Someone agent = someone();
  active_grant(agent);
  const Reply wrong = agent_login(uscc_, agent.applicant.phone, "Wrong#2026pass");
  expect_error(wrong, 401, "CREDENTIALS_INVALID");
  const Reply person_wrong = login(agent.applicant.account, "Wrong#2026pass");
  EXPECT_EQ(wrong.json["error"], person_wrong.json["error"]);
  expect_error(agent_login(unique_uscc(), agent.applicant.phone, agent.applicant.password), 401, "CREDENTIALS_INVALID");
  expect_error(agent_login(uscc_, unique_phone(), agent.applicant.password), 401, "CREDENTIALS_INVALID");
  // Someone with the right password but no grant learns only that after the password.
  const Someone stranger = someone();
  const Reply none = agent_login(uscc_, stranger.applicant.phone, stranger.applicant.password);
  expect_error(none, 403, "AGENT_GRANT_INACTIVE");
  EXPECT_EQ(none.json["error"].value("state", ""), "none");
  // Five failures lock the pair, like a person's password sign-in.
  for (int i = 0; i < 4; ++i) agent_login(uscc_, agent.applicant.phone, "Wrong#2026pass");
  const Reply locked = agent_login(uscc_, agent.applicant.phone, agent.applicant.password);
  expect_error(locked, 423, "ACCOUNT_LOCKED");
  expect_error(agent_login(uscc_, agent.applicant.phone, ""), 400, "FIELD_REQUIRED", "password");
}

TEST_F(RestAgents, APersonChoosesAndSwitchesIdentityAfterSigningIn) {
  const Someone agent = someone();
  const long long grant_id = active_grant(agent, {"tax"}, "2027-11-25", true);
  const Reply listed = get("/api/v1/me/identities", agent.caller);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json["current"].value("type", ""), "person");
  ASSERT_EQ(listed.json["identities"].size(), 2u) << listed.body;
  EXPECT_EQ(listed.json["identities"][1].value("role", ""), "admin");
  EXPECT_EQ(listed.json["identities"][1].value("grant_id", 0LL), grant_id);

  const Reply switched = put("/api/v1/sessions/current/identity",
                             {{"type", "enterprise"}, {"enterprise_id", enterprise_id_}}, agent.caller);
  ASSERT_EQ(switched.status, 200) << switched.body;
  EXPECT_EQ(switched.json.value("acting_as", ""), "admin");
  EXPECT_EQ(switched.json.value("grant_id", 0LL), grant_id);
  EXPECT_EQ(get(agents_path(), agent.caller).status, 200);
  const Reply current = get("/api/v1/sessions/current", agent.caller);
  EXPECT_EQ(current.json.value("grant_id", 0LL), grant_id);
  EXPECT_TRUE(current.json.value("acting_in_force", false));

  ASSERT_EQ(put("/api/v1/sessions/current/identity", {{"type", "person"}}, agent.caller).status, 200);
  expect_error(get(agents_path(), agent.caller), 403, "ENTERPRISE_FORBIDDEN");
  expect_error(put("/api/v1/sessions/current/identity", {{"type", "enterprise"}, {"enterprise_id", enterprise_id_ + 1}},
                   agent.caller),
               403, "IDENTITY_INVALID");
  expect_error(put("/api/v1/sessions/current/identity", {{"type", "enterprise"}, {"enterprise_id", "x"}}, agent.caller),
               400, "FIELD_TYPE", "enterprise_id");
  expect_error(put("/api/v1/sessions/current/identity", {{"type", "robot"}}, agent.caller), 400, "IDENTITY_INVALID");
  // The representative's switch in SetUp, and two here.
  EXPECT_EQ(count_rows("audit_log", "action = 'session.identity' AND result = 'ok'"), 3);
  // The legal representative sees their enterprise among their identities.
  const Reply rep_ids = get("/api/v1/me/identities", rep_.caller);
  ASSERT_EQ(rep_ids.json["identities"].size(), 2u) << rep_ids.body;
  EXPECT_EQ(rep_ids.json["identities"][1].value("role", ""), "legal_rep");
}

TEST_F(RestAgents, APersonAsksForAGrantAndTheRepresentativeApprovesAfterAFaceCheck) {
  const Someone asker = someone();
  const std::string requests = "/api/v1/enterprises/" + uscc_ + "/grant-requests";
  const Reply asked = post(requests, {{"scope", {"tax"}}, {"valid_to", "2027-03-01"}, {"note", "代办税务"}}, asker.caller);
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json.value("state", ""), "pending");
  expect_error(post(requests, {{"scope", {"tax"}}, {"valid_to", "2027-03-01"}}, asker.caller), 409,
               "GRANT_REQUEST_DUPLICATE");
  // The representative is told.
  EXPECT_EQ(get("/api/v1/me/messages", rep_.caller).json["messages"][0].value("kind", ""), "grant_request.new");

  const std::string base = "/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/grant-requests";
  const Reply list = get(base, rep_caller_);
  ASSERT_EQ(list.json["requests"].size(), 1u) << list.body;
  const long long request_id = asked.json.value("request_id", 0LL);
  const Reply approved = post(base + "/" + std::to_string(request_id) + "/approve", nlohmann::json::object(), rep_caller_);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json.value("state", ""), "awaiting_face");
  ASSERT_EQ(complete_face(approved.json.value("face_ticket", ""), "pass").status, 200);
  // Active at once: the person asked for it.
  EXPECT_EQ(state_of(approved.json.value("grant_id", 0LL)), "active");
  EXPECT_EQ(get(base, rep_caller_).json["requests"][0].value("state", ""), "approved");
  EXPECT_EQ(agent_login(uscc_, asker.applicant.phone, asker.applicant.password).status, 201);
}

TEST_F(RestAgents, AnAdminApprovesOrRejectsGrantRequestsWithinItsOwnGrant) {
  const Someone admin = someone(), first = someone(), second = someone();
  const long long admin_grant = active_grant(admin, {"tax", "social_security"}, "2027-11-25", true);
  const Caller as_admin = bearer_of(agent_login(uscc_, admin.applicant.phone, admin.applicant.password));
  const std::string base = "/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/grant-requests";
  const Reply a = post(base, {{"scope", {"tax"}}, {"valid_to", "2027-03-01"}}, first.caller);
  const Reply b = post(base, {{"scope", {"licensing"}}, {"valid_to", "2027-03-01"}}, second.caller);
  ASSERT_EQ(a.status, 201) << a.body;
  ASSERT_EQ(b.status, 201) << b.body;
  const Reply approved = post(base + "/" + std::to_string(a.json.value("request_id", 0LL)) + "/approve",
                              nlohmann::json::object(), as_admin);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json.value("state", ""), "active");
  EXPECT_EQ(approved.json.value("parent_grant_id", 0LL), admin_grant);
  const std::string b_path = base + "/" + std::to_string(b.json.value("request_id", 0LL));
  expect_error(post(b_path + "/approve", nlohmann::json::object(), as_admin), 400, "AGENT_GRANT_EXCEEDS_PARENT");
  const Reply rejected = post(b_path + "/reject", nlohmann::json::object(), as_admin);
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json.value("state", ""), "rejected");
  expect_error(post(b_path + "/approve", nlohmann::json::object(), as_admin), 409, "GRANT_REQUEST_STATE_INVALID");
  EXPECT_EQ(get("/api/v1/me/messages", second.caller).json["messages"][0].value("kind", ""), "grant_request.rejected");
}

TEST_F(RestAgents, BadInputGetsAStructuredAnswer) {
  const Someone agent = someone();
  nlohmann::json body = grant_body(agent, {"tax"}, "2027-01-01");
  body["phone"] = unique_phone();
  expect_error(post(agents_path(), body, rep_caller_), 404, "DELEGATE_NOT_FOUND", "id_number");
  expect_error(post(agents_path(), grant_body(agent, nlohmann::json::array(), "2027-01-01"), rep_caller_), 400,
               "AGENT_SCOPE_INVALID", "scope");
  expect_error(post(agents_path(), grant_body(agent, "tax", "2027-01-01"), rep_caller_), 400, "FIELD_TYPE", "scope");
  expect_error(post(agents_path(), grant_body(agent, {"tax"}, "2040-01-01"), rep_caller_), 400, "AGENT_PERIOD_INVALID",
               "valid_to");
  expect_error(post(agents_path(), grant_body(rep_, {"tax"}, "2027-01-01"), rep_caller_), 400, "AGENT_SELF");
  expect_error(post_text(agents_path(), "{not json", rep_caller_), 400, "REQUEST_INVALID");
  // Another enterprise's agents are not the representative's business.
  expect_error(get("/api/v1/enterprises/" + std::to_string(enterprise_id_ + 1) + "/agents", rep_caller_), 403,
               "ENTERPRISE_FORBIDDEN");
  expect_error(get(agents_path()), 401, "UNAUTHENTICATED");
  // A pending offer to the same person blocks a second one.
  offer(agent);
  expect_error(post(agents_path(), grant_body(agent, {"tax"}, "2027-01-01"), rep_caller_), 409, "AGENT_GRANT_DUPLICATE");
}

TEST_F(RestAgents, TheEnterpriseAccountManagesAgentsWithTheRepresentativesFace) {
  const Captcha c = captcha();
  const Reply in = post("/api/v1/sessions", {{"method", "enterprise_password"}, {"identifier", uscc_},
                                             {"password", enterprise_password_}, {"captcha_id", c.id},
                                             {"captcha_answer", c.answer}});
  ASSERT_EQ(in.status, 201) << in.body;
  const Someone agent = someone();
  const Reply added = post(agents_path(), grant_body(agent, {"tax"}, "2027-01-01", true), bearer_of(in));
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json["granted_by"].value("role", ""), "enterprise");
  EXPECT_FALSE(added.json.value("face_ticket", "").empty());
  EXPECT_EQ(get(agents_path(), bearer_of(in)).status, 200);
}

// The profile decides how deep grants go, how long an agent has to accept and what service
// items exist: a config file with two levels, a 72-hour window and three items of its own.
class RestAgentsProfile : public RestAgents {
 protected:
  void configure(app::PlatformConfig& config) override {
    use_profile_section(config, {{"base", "jilin"},
                                 {"agents", {{"max_levels", 2}, {"accept_hours", 72}}},
                                 {"service_items",
                                  {{{"code", "tax"}, {"label", "税务办理"}},
                                   {{"code", "customs"}, {"label", "海关业务"}},
                                   {{"code", "progress_query"}, {"label", "办件查询"}}}}});
  }
};

TEST_F(RestAgentsProfile, DepthWindowAndItemsFollowTheProfile) {
  const Someone a = someone(), b = someone(), c = someone();
  const Reply list = get(agents_path(), rep_caller_);
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json["service_items"].size(), 3u) << list.body;
  EXPECT_EQ(list.json["service_items"][1].value("label", ""), "海关业务");
  // "social_security" is in the built-in catalogue, not in this one.
  expect_error(post(agents_path(), grant_body(a, {"social_security"}, "2027-11-25"), rep_caller_), 400,
               "AGENT_SCOPE_INVALID", "scope");
  const long long ga = offer(a, {"tax", "customs"});
  const Reply offered = get("/api/v1/me/agent-grants", a.caller);
  ASSERT_EQ(offered.json["grants"].size(), 1u) << offered.body;
  // kStart (2026-11-25 12:00 UTC) + 72 hours.
  EXPECT_EQ(offered.json["grants"][0].value("confirm_by", ""), "2026-11-28T12:00:00Z") << offered.body;
  const Reply inbox = get("/api/v1/me/messages", a.caller);
  ASSERT_FALSE(inbox.json["messages"].empty()) << inbox.body;
  EXPECT_NE(inbox.json["messages"][0].value("body", "").find("请在72小时内确认"), std::string::npos) << inbox.body;
  ASSERT_EQ(accept(a, ga).status, 200);
  const long long gb = delegate(a, ga, b, {"customs"}, "2027-06-30");
  EXPECT_EQ(state_of(gb), "active");
  // Level 2 is this profile's last: its agent cannot pass it on.
  const Reply deeper = post("/api/v1/me/agent-grants/" + std::to_string(gb) + "/delegations",
                            grant_body(c, {"customs"}, "2027-01-01"), b.caller);
  expect_error(deeper, 409, "AGENT_LEVEL_EXCEEDED");
  EXPECT_EQ(deeper.json["error"].value("message", ""), "授权层级最多2层，不能再次转授权") << deeper.body;
}

}  // namespace
}  // namespace uia::rest
