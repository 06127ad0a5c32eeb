// OpenID Connect for a person acting for an enterprise (issue 6 on issue 5's agents): an agent
// of an enterprise (经办人, on an accepted grant) or its legal representative signs in to a
// business system that asked for the uia_enterprise scope; the ID token, userinfo and
// introspection carry the enterprise (USCC, name, role) and the grant's service items and last
// day. Revoking, disabling or the expiry of the grant ends the tokens (refresh invalid_grant,
// userinfo invalid_token, the family revoked, audited). A person acting for nobody, or a client
// that did not ask for the scope, gets no enterprise claims; an enterprise account's own session
// (法人登录) is sent to sign in as a person.
#include <soci/soci.h>

#include <algorithm>
#include <atomic>

#include "ids/uscc.h"
#include "rest_oidc_support.h"
#include "store/enterprise_repository.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

constexpr const char* kEnterpriseScopes = "openid profile uia_enterprise";

class RestOidcAgents : public RestOidcTest {
 protected:
  void SetUp() override {
    RestOidcTest::SetUp();
    rep_ = signed_in_adult();
    enterprise_id_ = make_enterprise();
    rep_acting_ = signed_in_browser(rep_.applicant).cookie;
    switch_to_enterprise(rep_acting_);
    client_ = register_client({{"scopes", {"openid", "profile", "uia_enterprise"}}});
  }

  Reply put(const std::string& path, const nlohmann::json& body, const Caller& caller) {
    return request("PUT", path, body.dump(), caller);
  }
  Reply patch(const std::string& path, const nlohmann::json& body, const Caller& caller) {
    return request("PATCH", path, body.dump(), caller);
  }

  // An active enterprise whose legal representative is rep_ (as registration leaves it).
  long long make_enterprise() {
    auto& services = platform_->services;
    store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
    store::Enterprise e;
    e.account = unique_account();
    e.uscc = uscc_ = unique_uscc();
    e.name = "长春星河科技有限公司";
    e.org_type = "enterprise";
    e.rep_person_id = rep_.person_id;
    e.rep_name = rep_.applicant.name;
    e.rep_id_type = "resident";
    e.rep_id_number = rep_.applicant.id_number;
    e.phone = unique_phone();
    e.password_hash = services.passwords->hash(enterprise_password_);
    e.status = store::EnterpriseStatus::Active;
    e.registry_confirmed = true;
    e.created_at = e.updated_at = services.now_seconds();
    return services.db->transact([&](soci::session& sql) { return enterprises.insert(sql, e); });
  }

  // PUT /api/v1/sessions/current/identity: act for the enterprise (as representative, or on the grant).
  void switch_to_enterprise(const Caller& caller, long long grant_id = 0) {
    nlohmann::json body = {{"type", "enterprise"}, {"enterprise_id", enterprise_id_}};
    if (grant_id != 0) body["grant_id"] = grant_id;
    const Reply switched = put("/api/v1/sessions/current/identity", body, caller);
    ASSERT_EQ(switched.status, 200) << switched.body;
  }

  std::string agents_path() const { return "/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/agents"; }
  std::string grant_path(long long grant_id) const { return agents_path() + "/" + std::to_string(grant_id); }

  // The representative grants `agent` (face check passed), the agent accepts: an active grant.
  long long active_grant(const Browser& agent, nlohmann::json scope, const std::string& valid_to, bool admin = false) {
    const Reply added = post(agents_path(),
                             {{"name", agent.applicant.name}, {"id_number", agent.applicant.id_number},
                              {"phone", agent.applicant.phone}, {"scope", scope}, {"valid_to", valid_to}, {"admin", admin}},
                             rep_acting_);
    EXPECT_EQ(added.status, 201) << added.body;
    const Reply face = complete_face(added.json.value("face_ticket", "none"), "pass");
    EXPECT_EQ(face.status, 200) << face.body;
    const long long id = added.json.value("grant_id", 0LL);
    const Reply accepted =
        post("/api/v1/me/agent-grants/" + std::to_string(id) + "/accept", nlohmann::json::object(), agent.cookie);
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    return id;
  }

  // An adult signed in as themselves (cookie), then switched to act on `grant_id`.
  Browser acting_agent(const Browser& agent, long long grant_id) {
    Browser b = signed_in_browser(agent.applicant);
    switch_to_enterprise(b.cookie, grant_id);
    return b;
  }

  // Sign-in with "agent_password" (USCC + the agent's phone + the agent's own password), as a cookie.
  Browser agent_password_browser(const Browser& agent) {
    const Captcha c = captcha();
    const Reply in = post("/api/v1/sessions", {{"method", "agent_password"}, {"uscc", uscc_},
                                               {"identifier", agent.applicant.phone}, {"password", agent.applicant.password},
                                               {"captcha_id", c.id}, {"captcha_answer", c.answer}});
    EXPECT_EQ(in.status, 201) << in.body;
    Browser b = agent;
    b.cookie = cookie_of(in, true);
    return b;
  }

  struct Tokens {
    nlohmann::json response;
    nlohmann::json id_claims;
    std::string access() const { return response.value("access_token", ""); }
    std::string refresh() const { return response.value("refresh_token", ""); }
  };
  Tokens sign_in_to_client(const Browser& b, const std::string& scope = kEnterpriseScopes) {
    const std::string code = code_for(b, client_.id, {{"scope", scope}});
    const Reply exchanged = exchange(client_, code);
    EXPECT_EQ(exchanged.status, 200) << exchanged.body;
    Tokens t;
    t.response = exchanged.json;
    t.id_claims = verified_claims(exchanged.json.value("id_token", ""));
    EXPECT_TRUE(t.id_claims.is_object()) << exchanged.body;
    return t;
  }
  Reply introspect(const std::string& token) { return oauth_post("/oidc/introspect", {{"token", token}}, client_); }

  void expect_agent_claims(const nlohmann::json& claims, const std::string& role, const nlohmann::json& scope,
                           const std::string& valid_until) {
    ASSERT_TRUE(claims.contains("uia_enterprise")) << claims.dump();
    EXPECT_EQ(claims["uia_enterprise"].value("uscc", ""), uscc_) << claims.dump();
    EXPECT_EQ(claims["uia_enterprise"].value("name", ""), "长春星河科技有限公司");
    EXPECT_EQ(claims["uia_enterprise"].value("role", ""), role);
    EXPECT_EQ(claims["uia_agent_scope"], scope) << claims.dump();
    EXPECT_EQ(claims.value("uia_agent_valid_until", ""), valid_until);
  }

  Browser rep_;
  Caller rep_acting_;  // the representative's session acting for the enterprise
  long long enterprise_id_ = 0;
  std::string uscc_;
  std::string enterprise_password_ = "Ent#2026pass";
  Client client_;
};

TEST_F(RestOidcAgents, AnAgentsTokensCarryTheEnterpriseAndTheGrantUntilTheGrantIsRevoked) {
  const Browser agent = signed_in_adult();
  const long long grant_id = active_grant(agent, {"tax", "social_security"}, "2027-11-25");
  const Browser acting = acting_agent(agent, grant_id);

  const Tokens t = sign_in_to_client(acting);
  expect_agent_claims(t.id_claims, "agent", {"tax", "social_security"}, "2027-11-25");
  EXPECT_EQ(t.id_claims.value("name", "x"), "x") << "profile claims stay in userinfo";
  EXPECT_EQ(t.response.value("scope", ""), "openid profile uia_enterprise");

  const Reply info = userinfo(t.access());
  ASSERT_EQ(info.status, 200) << info.body;
  expect_agent_claims(info.json, "agent", {"tax", "social_security"}, "2027-11-25");
  EXPECT_EQ(info.json.value("name", ""), agent.applicant.name) << "the person acting is still named";
  EXPECT_EQ(info.json.value("sub", ""), t.id_claims.value("sub", "-")) << "sub stays the person's";

  const Reply active = introspect(t.access());
  ASSERT_EQ(active.status, 200) << active.body;
  EXPECT_TRUE(active.json.value("active", false));
  expect_agent_claims(active.json, "agent", {"tax", "social_security"}, "2027-11-25");
  EXPECT_EQ(count_rows("oidc_token_families", "grant_id = " + std::to_string(grant_id) + " AND acting_role = 'agent'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.authorize' AND acting_for = 'enterprise:" + std::to_string(enterprise_id_) +
                                        " role:agent grant:" + std::to_string(grant_id) + "'"),
            1);

  // A refresh while the grant holds rotates and keeps the claims.
  const Reply refreshed = refresh(client_, t.refresh());
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  expect_agent_claims(verified_claims(refreshed.json.value("id_token", "")), "agent", {"tax", "social_security"},
                      "2027-11-25");

  // The representative revokes the grant: the families go in the same transaction.
  const Reply revoked = del(grant_path(grant_id), rep_acting_);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(count_rows("oidc_token_families", "grant_id = " + std::to_string(grant_id) +
                                                  " AND revoked_reason = 'agent_grant_revoked'"),
            1);
  EXPECT_EQ(count_rows("audit_log", "action = 'agent_grant.revoke' AND detail LIKE '%oidc_families=1%'"), 1);
  expect_oauth_error(refresh(client_, refreshed.json.value("refresh_token", "")), 400, "invalid_grant");
  const Reply after = userinfo(refreshed.json.value("access_token", ""));
  expect_oauth_error(after, 401, "invalid_token");
  EXPECT_FALSE(introspect(refreshed.json.value("access_token", "")).json.value("active", true));
}

TEST_F(RestOidcAgents, ANewLegalRepresentativeEndsTheFormerOnesTokensAtOnceAndAgentsKeepTheirs) {
  const Tokens former = sign_in_to_client(Browser{rep_.applicant, rep_acting_, rep_.person_id});
  const Browser agent = signed_in_adult();
  const long long grant_id = active_grant(agent, {"tax"}, "2027-11-25");
  const Tokens agents = sign_in_to_client(acting_agent(agent, grant_id));

  // The enterprise account (法人登录) names a successor, as the registry records it.
  const Captcha c = captcha();
  const Reply in = post("/api/v1/sessions", {{"method", "enterprise_password"}, {"identifier", uscc_},
                                             {"password", enterprise_password_}, {"captcha_id", c.id},
                                             {"captcha_answer", c.answer}});
  ASSERT_EQ(in.status, 201) << in.body;
  const Browser successor = signed_in_adult();
  const Reply changed = put("/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/legal-representative",
                            {{"legal_rep_name", successor.applicant.name}, {"legal_rep_id_number", successor.applicant.id_number}},
                            cookie_of(in, true));
  ASSERT_EQ(changed.status, 200) << changed.body;

  // Revoked in the change's own transaction: no use of the tokens was needed to find out.
  EXPECT_EQ(count_rows("oidc_token_families", "person_id = " + std::to_string(rep_.person_id) +
                                                  " AND revoked_reason = 'legal_rep_changed'"),
            1);
  EXPECT_EQ(count_rows("audit_log", "action = 'enterprise.legal_rep.change' AND detail LIKE '%oidc_families=1%'"), 1);
  EXPECT_FALSE(introspect(former.refresh()).json.value("active", true));
  expect_oauth_error(refresh(client_, former.refresh()), 400, "invalid_grant");
  // The agent's grant is the enterprise's, not the former representative's: it holds.
  const Reply info = userinfo(agents.access());
  ASSERT_EQ(info.status, 200) << info.body;
  expect_agent_claims(info.json, "agent", {"tax"}, "2027-11-25");
  EXPECT_EQ(refresh(client_, agents.refresh()).status, 200);
}

TEST_F(RestOidcAgents, AnAdminAgentSignedInWithAgentPasswordAndADisabledGrantEndsItsTokens) {
  const Browser agent = signed_in_adult();
  const long long grant_id = active_grant(agent, {"licensing"}, "2027-06-30", /*admin=*/true);
  const Browser acting = agent_password_browser(agent);

  const Tokens t = sign_in_to_client(acting);
  expect_agent_claims(t.id_claims, "admin_agent", {"licensing"}, "2027-06-30");

  // Disabled (not revoked): the tokens end at once, and enabling again does not bring them back.
  ASSERT_EQ(patch(grant_path(grant_id), {{"enabled", false}}, rep_acting_).status, 200);
  EXPECT_EQ(count_rows("oidc_token_families", "revoked_reason = 'agent_grant_disabled'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'agent_grant.disable' AND detail LIKE '%oidc_families=1%'"), 1);
  expect_oauth_error(userinfo(t.access()), 401, "invalid_token");
  // The session still acting on the disabled grant gets no code: it is sent to sign in again.
  const Reply started = get(authorize_path(client_.id, {{"scope", kEnterpriseScopes}}), acting.cookie);
  ASSERT_EQ(started.status, 302) << started.body;
  EXPECT_EQ(started.header("location").rfind("/#/login?oidc=", 0), 0u) << started.header("location");
  ASSERT_EQ(patch(grant_path(grant_id), {{"enabled", true}}, rep_acting_).status, 200);
  expect_oauth_error(refresh(client_, t.refresh()), 400, "invalid_grant");
}

TEST_F(RestOidcAgents, AnExpiredGrantFailsTheNextRefreshAndRevokesTheFamily) {
  const Browser agent = signed_in_adult();
  const long long grant_id = active_grant(agent, {"tax"}, "2026-11-25");  // today is its last day
  const Browser acting = acting_agent(agent, grant_id);
  const Tokens t = sign_in_to_client(acting);
  expect_agent_claims(t.id_claims, "agent", {"tax"}, "2026-11-25");

  advance(24h);  // the grant expired overnight; no job ran, the refresh reads it from the clock
  expect_oauth_error(refresh(client_, t.refresh()), 400, "invalid_grant");
  EXPECT_EQ(count_rows("oidc_token_families", "grant_id = " + std::to_string(grant_id) + " AND revoked_reason = 'acting_ended'"),
            1);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.token.refresh' AND result = 'denied' AND detail LIKE 'acting_ended%' "
                                    "AND acting_for LIKE '%grant:" + std::to_string(grant_id) + "'"),
            1);
}

TEST_F(RestOidcAgents, AUserinfoAfterTheGrantEndedOtherwiseFailsAndRevokesTheFamily) {
  const Browser agent = signed_in_adult();
  const long long grant_id = active_grant(agent, {"tax"}, "2027-11-25");
  const Tokens t = sign_in_to_client(acting_agent(agent, grant_id));
  // The grant ends behind the flows' back (as a parent's revocation or a data fix would leave it).
  {
    auto sql = open_database();
    *sql << "UPDATE enterprise_agent_grants SET state = 'disabled' WHERE id = " << grant_id;
  }
  expect_oauth_error(userinfo(t.access()), 401, "invalid_token");
  EXPECT_EQ(count_rows("oidc_token_families", "revoked_reason = 'acting_ended'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.userinfo' AND result = 'denied'"), 1);
  EXPECT_FALSE(introspect(t.refresh()).json.value("active", true));
  expect_oauth_error(refresh(client_, t.refresh()), 400, "invalid_grant");
}

TEST_F(RestOidcAgents, ADelegatedGrantsTokensEndWithTheGrantAbove) {
  const Browser first = signed_in_adult();
  const long long parent = active_grant(first, {"tax", "social_security"}, "2027-11-25");
  const Browser second = signed_in_adult();
  const Reply made = post("/api/v1/me/agent-grants/" + std::to_string(parent) + "/delegations",
                          {{"name", second.applicant.name}, {"id_number", second.applicant.id_number},
                           {"phone", second.applicant.phone}, {"scope", {"tax"}}, {"valid_to", "2027-06-30"}},
                          first.cookie);
  ASSERT_EQ(made.status, 201) << made.body;
  const long long child = made.json.value("grant_id", 0LL);
  ASSERT_EQ(post("/api/v1/me/agent-grants/" + std::to_string(child) + "/accept", nlohmann::json::object(), second.cookie).status,
            200);
  const Tokens t = sign_in_to_client(acting_agent(second, child));
  expect_agent_claims(t.id_claims, "agent", {"tax"}, "2027-06-30");

  // The parent disabled: the child is no longer in force, so its tokens stop at the next use.
  ASSERT_EQ(patch(grant_path(parent), {{"enabled", false}}, rep_acting_).status, 200);
  expect_oauth_error(userinfo(t.access()), 401, "invalid_token");
  EXPECT_EQ(count_rows("oidc_token_families", "grant_id = " + std::to_string(child) + " AND revoked_reason = 'acting_ended'"), 1);

  // Enabled again, a new sign-in works; revoking the parent then revokes the child's family at once.
  ASSERT_EQ(patch(grant_path(parent), {{"enabled", true}}, rep_acting_).status, 200);
  const Tokens again = sign_in_to_client(acting_agent(second, child));
  ASSERT_EQ(del(grant_path(parent), rep_acting_).status, 200);
  EXPECT_EQ(count_rows("oidc_token_families", "grant_id = " + std::to_string(child) + " AND revoked_reason = 'agent_grant_revoked'"),
            1);
  expect_oauth_error(refresh(client_, again.refresh()), 400, "invalid_grant");
}

TEST_F(RestOidcAgents, TheLegalRepresentativeActsForTheEnterpriseWithoutAnAgentScope) {
  const Tokens t = sign_in_to_client(Browser{rep_.applicant, rep_acting_, rep_.person_id});
  ASSERT_TRUE(t.id_claims.contains("uia_enterprise")) << t.id_claims.dump();
  EXPECT_EQ(t.id_claims["uia_enterprise"].value("role", ""), "legal_representative");
  EXPECT_EQ(t.id_claims["uia_enterprise"].value("uscc", ""), uscc_);
  EXPECT_FALSE(t.id_claims.contains("uia_agent_scope")) << "a representative may do every service item";
  const Reply info = userinfo(t.access());
  ASSERT_EQ(info.status, 200) << info.body;
  EXPECT_EQ(info.json["uia_enterprise"].value("role", ""), "legal_representative");
}

TEST_F(RestOidcAgents, NoEnterpriseClaimsForAPersonActingForNobodyOrAClientThatDidNotAsk) {
  // The representative's own, non-acting session asks for the scope: nothing to release.
  const Tokens own = sign_in_to_client(rep_);
  EXPECT_FALSE(own.id_claims.contains("uia_enterprise")) << own.id_claims.dump();
  const Reply info = userinfo(own.access());
  ASSERT_EQ(info.status, 200) << info.body;
  EXPECT_FALSE(info.json.contains("uia_enterprise")) << info.body;
  EXPECT_FALSE(introspect(own.access()).json.contains("uia_enterprise"));

  // An agent acting for the enterprise at a client that did not ask: the person's own tokens,
  // which the grant's revocation leaves alone.
  const Browser agent = signed_in_adult();
  const long long grant_id = active_grant(agent, {"tax"}, "2027-11-25");
  const Tokens plain = sign_in_to_client(acting_agent(agent, grant_id), "openid profile");
  EXPECT_FALSE(plain.id_claims.contains("uia_enterprise")) << plain.id_claims.dump();
  ASSERT_EQ(del(grant_path(grant_id), rep_acting_).status, 200);
  EXPECT_EQ(refresh(client_, plain.refresh()).status, 200);

  // A client not registered for the scope cannot ask for it.
  const Client other = register_client({{"scopes", {"openid", "profile"}}});
  const Reply refused = get(authorize_path(other.id, {{"scope", kEnterpriseScopes}}), rep_acting_);
  ASSERT_EQ(refused.status, 302);
  EXPECT_EQ(query_of(refused.header("location"))["error"], "invalid_scope");
}

TEST_F(RestOidcAgents, AnEnterpriseAccountsOwnSessionIsSentToSignInAsAPerson) {
  const Captcha c = captcha();
  const Reply in = post("/api/v1/sessions", {{"method", "enterprise_password"}, {"identifier", uscc_},
                                             {"password", enterprise_password_}, {"captcha_id", c.id},
                                             {"captcha_answer", c.answer}});
  ASSERT_EQ(in.status, 201) << in.body;
  const Caller enterprise = cookie_of(in, true);

  const Reply started = get(authorize_path(client_.id, {{"scope", kEnterpriseScopes}}), enterprise);
  ASSERT_EQ(started.status, 302) << started.body;
  const std::string location = started.header("location");
  EXPECT_EQ(location.rfind("/#/login?oidc=", 0), 0u) << location;
  EXPECT_EQ(query_of(location)["reason"], "enterprise_account") << location;

  // The page learns why; a decision in that session is refused with a structured answer.
  const std::string id = query_of(location)["oidc"];
  const Reply described = get("/api/v1/oidc/requests/" + id, enterprise);
  ASSERT_EQ(described.status, 200) << described.body;
  EXPECT_EQ(described.json["sign_in_refused"].value("reason", ""), "enterprise_account") << described.body;
  EXPECT_FALSE(described.json["sign_in_refused"].value("message", "").empty());
  EXPECT_TRUE(described.json["person"].is_null());
  const Reply decided = post("/api/v1/oidc/requests/" + id + "/decision", {{"approve", true}}, enterprise);
  EXPECT_EQ(decided.status, 403) << decided.body;
  EXPECT_EQ(decided.error_code(), "LOGIN_METHOD_INVALID");
  EXPECT_EQ(decided.json["error"].value("reason", ""), "enterprise_account");
  EXPECT_FALSE(decided.json["error"].value("hint", "").empty());
  EXPECT_EQ(count_rows("oidc_codes"), 0);

  const Reply silent = get(authorize_path(client_.id, {{"scope", kEnterpriseScopes}, {"prompt", "none"}}), enterprise);
  ASSERT_EQ(silent.status, 302);
  const auto params = query_of(silent.header("location"));
  EXPECT_EQ(params.at("error"), "login_required");
  EXPECT_NE(params.count("error_description") ? params.at("error_description").find("enterprise account") : std::string::npos,
            std::string::npos);
}

TEST_F(RestOidcAgents, DiscoveryConsentAndTheAgentCentreNameTheEnterpriseData) {
  const Reply discovery = get("/.well-known/openid-configuration");
  ASSERT_EQ(discovery.status, 200);
  const auto has = [](const nlohmann::json& list, const char* item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  };
  EXPECT_TRUE(has(discovery.json["scopes_supported"], "uia_enterprise"));
  EXPECT_TRUE(has(discovery.json["claims_supported"], "uia_enterprise"));
  EXPECT_TRUE(has(discovery.json["claims_supported"], "uia_agent_scope"));

  const Browser agent = signed_in_adult();
  const long long grant_id = active_grant(agent, {"tax", "housing_fund"}, "2027-03-31");
  const Browser acting = acting_agent(agent, grant_id);
  const Reply started = get(authorize_path(client_.id, {{"scope", kEnterpriseScopes}}), acting.cookie);
  ASSERT_EQ(started.status, 302);
  const std::string id = query_of(started.header("location"))["oidc"];
  ASSERT_FALSE(id.empty()) << started.header("location");
  const Reply described = get("/api/v1/oidc/requests/" + id, acting.cookie);
  ASSERT_EQ(described.status, 200) << described.body;
  const auto& items = described.json["data_items"];
  ASSERT_EQ(items.size(), 3u) << described.body;
  EXPECT_EQ(items[0].value("scope", ""), "openid");
  EXPECT_EQ(items[2].value("scope", ""), "uia_enterprise");
  EXPECT_NE(items[2].value("label", "").find("企业身份"), std::string::npos);
  const auto& acting_for = described.json["acting_for"];
  EXPECT_EQ(acting_for.value("uscc", ""), uscc_) << described.body;
  EXPECT_EQ(acting_for.value("role_label", ""), "经办人");
  ASSERT_EQ(acting_for["service_items"].size(), 2u);
  EXPECT_EQ(acting_for["service_items"][1].value("label", ""), "公积金办理");
  EXPECT_EQ(acting_for.value("valid_until", ""), "2027-03-31");

  const Reply centre = get("/api/v1/enterprises/" + std::to_string(enterprise_id_) + "/agent-centre", acting.cookie);
  ASSERT_EQ(centre.status, 200) << centre.body;
  ASSERT_EQ(centre.json["service_items"].size(), 7u) << centre.body;
  EXPECT_EQ(centre.json["service_items"][1].value("code", ""), "tax");
  EXPECT_EQ(centre.json["service_items"][1].value("label", ""), "税务办理");
}

}  // namespace
}  // namespace uia::rest
