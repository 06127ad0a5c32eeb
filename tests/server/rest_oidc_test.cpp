// The OpenID Connect provider over REST, the way a business system and a browser meet it:
// back-office registers clients; discovery and JWKS; the code flow with PKCE through the web
// client's login/consent REST; tokens, ID token signatures and claims checked against the JWKS;
// userinfo, refresh rotation, introspection, revocation; the personal centre's authorized
// systems and account deletion. Negative cases: wrong redirect URI, reused code, code of another
// client, PKCE mismatch, expired code, reused refresh token (family revoked), tampered ID token.
#include "rest_oidc_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

using RestOidcClients = RestOidcTest;
using RestOidcDiscovery = RestOidcTest;
using RestOidcFlow = RestOidcTest;
using RestOidcNegative = RestOidcTest;
using RestOidcCentre = RestOidcTest;

TEST_F(RestOidcClients, AdminRegistersAndTheSecretIsShownOnce) {
  const Client c = register_client({{"scopes", {"openid", "profile"}}, {"min_level", 2}});
  EXPECT_EQ(c.id.rfind("uia-", 0), 0u);
  EXPECT_GE(c.secret.size(), 40u);
  EXPECT_EQ(c.json["scopes"], nlohmann::json({"openid", "profile"}));
  EXPECT_EQ(c.json["subject_type"], "public");
  EXPECT_EQ(c.json["id_token_signed_response_alg"], "ES256");
  EXPECT_EQ(count_rows("oidc_clients", "secret_hash = '" + c.secret + "'"), 0) << "only the hash is kept";
  EXPECT_EQ(count_rows("oidc_clients", "secret_hash IS NOT NULL"), 1);
  const Reply listed = get("/api/v1/admin/clients", admin_);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json["clients"].size(), 1u);
  EXPECT_FALSE(listed.json["clients"][0].contains("client_secret"));
  EXPECT_EQ(listed.body.find(c.secret), std::string::npos);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.client.create' AND target = 'oidc_client:" + c.id + "'"), 1);
  // Public clients get no secret.
  const Client pub = register_client({{"client_type", "public"}});
  EXPECT_TRUE(pub.secret.empty());
  EXPECT_FALSE(pub.json.contains("client_secret"));
}

TEST_F(RestOidcClients, OnlyTheAdminRoleAndGoodSettingsAreAccepted) {
  const Caller auditor = signed_in_staff("auditor9", "auditor");
  const nlohmann::json body = {{"name", "x"}, {"redirect_uris", {kRedirect}}};
  expect_error(post("/api/v1/admin/clients", body, auditor), 403, "STAFF_ROLE_REQUIRED");
  expect_error(get("/api/v1/admin/clients", auditor), 403, "STAFF_ROLE_REQUIRED");
  expect_error(post("/api/v1/admin/clients", body), 401, "UNAUTHENTICATED");
  const Browser person = signed_in_adult();
  expect_error(post("/api/v1/admin/clients", body, person.cookie), 401, "UNAUTHENTICATED");
  const auto bad = [&](nlohmann::json change, const std::string& code, const std::string& field) {
    nlohmann::json b = body;
    for (auto& [k, v] : change.items()) b[k] = v;
    expect_error(post("/api/v1/admin/clients", b, admin_), 400, code, field);
  };
  bad({{"redirect_uris", {"http://example.com/cb"}}}, "REDIRECT_URI_INVALID", "redirect_uris");  // http off loopback
  bad({{"redirect_uris", {"https://rp.example/cb#x"}}}, "REDIRECT_URI_INVALID", "redirect_uris");
  bad({{"redirect_uris", nlohmann::json::array()}}, "REDIRECT_URI_INVALID", "redirect_uris");
  bad({{"redirect_uris", "https://rp.example/cb"}}, "FIELD_TYPE", "redirect_uris");
  bad({{"client_type", "spa"}}, "OPTION_INVALID", "client_type");
  bad({{"subject_type", "random"}}, "OPTION_INVALID", "subject_type");
  bad({{"id_token_signed_response_alg", "HS256"}}, "OPTION_INVALID", "id_token_signed_response_alg");
  bad({{"scopes", {"profile"}}}, "OPTION_INVALID", "scopes");
  bad({{"scopes", {"openid", "email"}}}, "OPTION_INVALID", "scopes");
  bad({{"min_level", 4}}, "OPTION_INVALID", "min_level");
  EXPECT_EQ(count_rows("oidc_clients"), 0);
}

TEST_F(RestOidcClients, DisablingStopsAuthorizationAndItsTokens) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  const Reply tokens = exchange(c, code_for(b, c.id));
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  ASSERT_EQ(userinfo(tokens.json["access_token"]).status, 200);
  const Reply disabled = post("/api/v1/admin/clients/" + c.id + "/disable", nlohmann::json::object(), admin_);
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.json["enabled"], false);
  expect_oauth_error(userinfo(tokens.json["access_token"]), 401, "invalid_token");
  expect_oauth_error(get(authorize_path(c.id, {}), b.cookie), 400, "invalid_client");
  expect_oauth_error(refresh(c, tokens.json["refresh_token"]), 401, "invalid_client");
  expect_error(post("/api/v1/admin/clients/uia-nope/disable", nlohmann::json::object(), admin_), 404, "NOT_FOUND");
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.client.disable'"), 1);
}

TEST_F(RestOidcClients, AClientDisabledByAnotherInstanceGetsNoMoreTokens) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  const Reply tokens = exchange(c, code_for(b, c.id));  // this instance now keeps the client's row
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  const std::string code = code_for(b, c.id);
  // Another instance of the platform disables it: this one's kept row still says enabled.
  *open_database() << "UPDATE oidc_clients SET enabled = 0 WHERE client_id = '" + c.id + "'";
  expect_oauth_error(exchange(c, code), 401, "invalid_client");
  expect_oauth_error(refresh(c, tokens.json["refresh_token"]), 401, "invalid_client");
  // Nothing was spent: enabled again, the same code and refresh token still work.
  *open_database() << "UPDATE oidc_clients SET enabled = 1 WHERE client_id = '" + c.id + "'";
  EXPECT_EQ(exchange(c, code).status, 200);
  EXPECT_EQ(refresh(c, tokens.json["refresh_token"]).status, 200);
}

TEST_F(RestOidcDiscovery, NamesEveryEndpointAndPublishesBothKeyTypes) {
  const Reply doc = get("/.well-known/openid-configuration");
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_EQ(doc.json["issuer"], "http://127.0.0.1");
  EXPECT_EQ(doc.json["authorization_endpoint"], "http://127.0.0.1/oidc/authorize");
  EXPECT_EQ(doc.json["token_endpoint"], "http://127.0.0.1/oidc/token");
  EXPECT_EQ(doc.json["jwks_uri"], "http://127.0.0.1/oidc/jwks");
  EXPECT_EQ(doc.json["code_challenge_methods_supported"], nlohmann::json({"S256"}));
  EXPECT_EQ(doc.json["acr_values_supported"][2], "urn:uia:level:3");
  const Reply keys = get("/oidc/jwks");
  ASSERT_EQ(keys.status, 200) << keys.body;
  ASSERT_EQ(keys.json["keys"].size(), 2u);
  std::set<std::string> algs;
  for (const auto& k : keys.json["keys"]) {
    algs.insert(k.value("alg", ""));
    EXPECT_FALSE(k.contains("d")) << "never a private part";
  }
  EXPECT_EQ(algs, (std::set<std::string>{"ES256", "RS256"}));
  EXPECT_EQ(get("/.well-known/jwks.json").json, keys.json);
  // Private keys are sealed with the field cipher, never stored as PEM.
  EXPECT_EQ(count_rows("oidc_signing_keys"), 2);
  EXPECT_EQ(count_rows("oidc_signing_keys", "private_enc LIKE '%PRIVATE KEY%'"), 0);
}

TEST_F(RestOidcDiscovery, KeysRotateAndTheOldOneStaysWhileItsTokensLive) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  const Reply first = exchange(c, code_for(b, c.id));
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string old_kid = crypto::jws_peek_header(first.json["id_token"].get<std::string>())["kid"];
  advance(std::chrono::hours(24 * 30) + 1s);  // past the 30-day rotation age
  // The first ES256 key signed the token above; the RS256 key is made when first needed (now).
  const Reply keys = get("/oidc/jwks");
  ASSERT_EQ(keys.json["keys"].size(), 3u) << keys.body;  // new ES256, old ES256 (its tokens may live), RS256
  int es256 = 0;
  for (const auto& k : keys.json["keys"]) es256 += k["alg"] == "ES256";
  EXPECT_EQ(es256, 2);
  const Browser again = signed_in_adult();
  const Reply second = exchange(c, code_for(again, c.id));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_NE(crypto::jws_peek_header(second.json["id_token"].get<std::string>())["kid"], old_kid) << "signed with the new key";
  EXPECT_TRUE(verified_claims(second.json["id_token"]).is_object());
  advance(std::chrono::hours(1));  // every token of the old key has expired
  const Reply later = get("/oidc/jwks");
  for (const auto& k : later.json["keys"]) EXPECT_NE(k.value("kid", ""), old_kid);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.key.rotate'"), 3);
}

TEST_F(RestOidcFlow, CodeWithPkceTokensUserinfoRefreshIntrospectRevoke) {
  const Client c = register_client();
  const Applicant a = active_adult();
  const Pkce p = pkce();
  // No session: the browser goes to the web client's login page with the stored request.
  const Reply started = get(authorize_path(c.id, {{"code_challenge", p.challenge}, {"code_challenge_method", "S256"}}));
  ASSERT_EQ(started.status, 302) << started.body;
  const std::string location = started.header("location");
  ASSERT_EQ(location.rfind("/#/login?oidc=", 0), 0u) << location;
  const std::string request_id = query_of(location)["oidc"];
  const Reply described = get("/api/v1/oidc/requests/" + request_id);
  ASSERT_EQ(described.status, 200) << described.body;
  EXPECT_EQ(described.json["client"]["name"], "社保业务系统");
  EXPECT_EQ(described.json["scopes"], nlohmann::json({"openid", "phone", "profile"}));
  EXPECT_EQ(described.json["level_required"], 1);
  EXPECT_TRUE(described.json["person"].is_null());
  // The login page signs in, shows the consent, and posts the decision with the cookie + CSRF.
  const Browser b = signed_in_browser(a);
  const Reply shown = get("/api/v1/oidc/requests/" + request_id, b.cookie);
  EXPECT_EQ(shown.json["person"]["name"], "陈**");
  EXPECT_EQ(shown.json["person"]["consented"], false);
  Caller no_csrf = b.cookie;
  no_csrf.csrf.clear();
  expect_error(post("/api/v1/oidc/requests/" + request_id + "/decision", {{"approve", true}}, no_csrf), 403, "CSRF_INVALID");
  const Reply decided = post("/api/v1/oidc/requests/" + request_id + "/decision", {{"approve", true}}, b.cookie);
  ASSERT_EQ(decided.status, 200) << decided.body;
  const auto back = query_of(decided.json.value("redirect_to", ""));
  EXPECT_EQ(back.at("state"), "st-1");
  EXPECT_EQ(back.at("iss"), "http://127.0.0.1");
  expect_error(post("/api/v1/oidc/requests/" + request_id + "/decision", {{"approve", true}}, b.cookie), 404,
               "FLOW_EXPIRED");  // decided once
  EXPECT_EQ(count_rows("oidc_codes", "code_hash = '" + back.at("code") + "'"), 0) << "codes are stored hashed";

  const Reply tokens = exchange(c, back.at("code"), p.verifier);
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  EXPECT_EQ(tokens.header("cache-control"), "no-store");
  EXPECT_EQ(tokens.json["token_type"], "Bearer");
  EXPECT_EQ(tokens.json["expires_in"], 600);
  const auto claims = verified_claims(tokens.json["id_token"]);
  ASSERT_TRUE(claims.is_object()) << tokens.body;
  EXPECT_EQ(crypto::jws_peek_header(tokens.json["id_token"].get<std::string>())["alg"], "ES256");
  EXPECT_EQ(claims["iss"], "http://127.0.0.1");
  EXPECT_EQ(claims["aud"], c.id);
  EXPECT_EQ(claims["nonce"], "n-1");
  EXPECT_EQ(claims["acr"], "urn:uia:level:3");
  EXPECT_EQ(claims["uia_level"], 3);
  EXPECT_EQ(claims["exp"].get<long long>() - claims["iat"].get<long long>(), 600);
  EXPECT_LE(claims["auth_time"].get<long long>(), claims["iat"].get<long long>());
  EXPECT_EQ(claims["sub"].get<std::string>().size(), 64u);
  EXPECT_NE(claims["sub"], std::to_string(b.person_id)) << "the sub is a keyed hash, not the row id";

  const Reply info = userinfo(tokens.json["access_token"]);
  ASSERT_EQ(info.status, 200) << info.body;
  EXPECT_EQ(info.json["sub"], claims["sub"]);
  EXPECT_EQ(info.json["name"], a.name) << "the consented hand-over: the real name";
  EXPECT_EQ(info.json["phone_number"], a.phone);
  EXPECT_EQ(info.json["phone_number_verified"], true);
  const Reply posted = request("POST", "/oidc/userinfo", "access_token=" + tokens.json["access_token"].get<std::string>());
  EXPECT_EQ(posted.status, 200) << posted.body;

  // Refresh: a new pair each time; the old refresh token is spent.
  const Reply refreshed = refresh(c, tokens.json["refresh_token"]);
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  EXPECT_NE(refreshed.json["refresh_token"], tokens.json["refresh_token"]);
  EXPECT_NE(refreshed.json["access_token"], tokens.json["access_token"]);
  EXPECT_EQ(verified_claims(refreshed.json["id_token"])["sub"], claims["sub"]);
  EXPECT_EQ(userinfo(refreshed.json["access_token"]).status, 200);

  // Introspection: the client's own tokens only.
  const Reply active = oauth_post("/oidc/introspect", {{"token", refreshed.json["access_token"]}}, c);
  ASSERT_EQ(active.status, 200) << active.body;
  EXPECT_EQ(active.json["active"], true);
  EXPECT_EQ(active.json["client_id"], c.id);
  EXPECT_EQ(active.json["sub"], claims["sub"]);
  EXPECT_EQ(active.json["scope"], "openid phone profile");
  const Client other = register_client({{"name", "另一系统"}});
  EXPECT_EQ(oauth_post("/oidc/introspect", {{"token", refreshed.json["access_token"]}}, other).json["active"], false);
  EXPECT_EQ(oauth_post("/oidc/introspect", {{"token", "nonsense"}}, c).json["active"], false);
  expect_oauth_error(request("POST", "/oidc/introspect", "token=x"), 401, "invalid_client");
  expect_oauth_error(oauth_post("/oidc/introspect", {{"token", "x"}}, Client{c.id, "wrong-secret", {}}), 401, "invalid_client");

  // Revocation of the refresh token ends the family, access tokens included.
  const Reply revoked = oauth_post("/oidc/revoke", {{"token", refreshed.json["refresh_token"]}}, c);
  EXPECT_EQ(revoked.status, 200) << revoked.body;
  expect_oauth_error(userinfo(refreshed.json["access_token"]), 401, "invalid_token");
  expect_oauth_error(refresh(c, refreshed.json["refresh_token"]), 400, "invalid_grant");
  EXPECT_EQ(oauth_post("/oidc/revoke", {{"token", "unknown"}}, c).status, 200) << "RFC 7009: 200 for unknown tokens";
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.authorize'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.revoke'"), 1);

  // Consent is remembered: the next authorization goes straight back with a code.
  const Reply again = get(authorize_path(c.id, {}), b.cookie);
  ASSERT_EQ(again.status, 302);
  EXPECT_EQ(again.header("location").rfind(std::string(kRedirect) + "?code=", 0), 0u) << again.header("location");
}

TEST_F(RestOidcFlow, PublicClientsMustUsePkceS256AndClientSecretPostWorks) {
  const Client pub = register_client({{"client_type", "public"}});
  const Browser b = signed_in_adult();
  Reply refused = get(authorize_path(pub.id, {}), b.cookie);
  ASSERT_EQ(refused.status, 302);
  EXPECT_EQ(query_of(refused.header("location"))["error"], "invalid_request");
  const Pkce p = pkce();
  refused = get(authorize_path(pub.id, {{"code_challenge", p.verifier.substr(0, 43)}, {"code_challenge_method", "plain"}}), b.cookie);
  EXPECT_EQ(query_of(refused.header("location"))["error"], "invalid_request") << "plain is refused";
  const std::string code = code_for(b, pub.id, {{"code_challenge", p.challenge}, {"code_challenge_method", "S256"}});
  expect_oauth_error(exchange(pub, code), 400, "invalid_grant");  // no verifier
  const Reply tokens = exchange(pub, code, p.verifier);
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  // A confidential client may send its secret in the body instead of Basic.
  const Client conf = register_client({{"name", "机构系统"}});
  const std::string code2 = code_for(b, conf.id);
  const Reply posted = request("POST", "/oidc/token",
                               form({{"grant_type", "authorization_code"}, {"code", code2}, {"redirect_uri", kRedirect},
                                     {"client_id", conf.id}, {"client_secret", conf.secret}}));
  EXPECT_EQ(posted.status, 200) << posted.body;
}

TEST_F(RestOidcFlow, Rs256AndPairwiseSubjectsPerClient) {
  const Client rs = register_client({{"id_token_signed_response_alg", "RS256"}, {"subject_type", "pairwise"}});
  const Client pw = register_client({{"name", "B"}, {"subject_type", "pairwise"}});
  const Client pub1 = register_client({{"name", "C"}});
  const Client pub2 = register_client({{"name", "D"}});
  const Browser b = signed_in_adult();
  const auto sub_of = [&](const Client& c, std::string* alg = nullptr) {
    const Reply t = exchange(c, code_for(b, c.id));
    EXPECT_EQ(t.status, 200) << t.body;
    if (alg) *alg = crypto::jws_peek_header(t.json.value("id_token", ""))["alg"];
    return verified_claims(t.json.value("id_token", "")).value("sub", "");
  };
  std::string alg;
  const std::string s_rs = sub_of(rs, &alg);
  EXPECT_EQ(alg, "RS256");
  const std::string s_pw = sub_of(pw), s_pub1 = sub_of(pub1), s_pub2 = sub_of(pub2);
  EXPECT_FALSE(s_rs.empty());
  EXPECT_NE(s_rs, s_pw) << "pairwise subjects differ per client";
  EXPECT_NE(s_pw, s_pub1);
  EXPECT_EQ(s_pub1, s_pub2) << "public subjects are the same for every client";
}

TEST_F(RestOidcFlow, AMinimumLevelSendsALowerPersonToStepUp) {
  const Client c = register_client();
  const Applicant child = child_resident();  // level 2: no face check under 16
  ASSERT_EQ(register_person(child).status, 201);
  const Browser b = signed_in_browser(child);
  const Reply started = get(authorize_path(c.id, {{"acr_values", "urn:uia:level:3"}}), b.cookie);
  ASSERT_EQ(started.status, 302);
  const std::string location = started.header("location");
  ASSERT_EQ(location.rfind("/#/login?oidc=", 0), 0u) << location;
  const std::string id = query_of(location)["oidc"];
  const Reply shown = get("/api/v1/oidc/requests/" + id, b.cookie);
  EXPECT_EQ(shown.json["level_required"], 3);
  EXPECT_EQ(shown.json["person"]["level_sufficient"], false);
  expect_error(post("/api/v1/oidc/requests/" + id + "/decision", {{"approve", true}}, b.cookie), 403, "LEVEL_TOO_LOW");
  // Refusing is always possible: the client hears access_denied.
  const Reply denied = post("/api/v1/oidc/requests/" + id + "/decision", {{"approve", false}}, b.cookie);
  ASSERT_EQ(denied.status, 200) << denied.body;
  EXPECT_EQ(query_of(denied.json["redirect_to"])["error"], "access_denied");
  // prompt=none cannot show a page: login_required straight back to the client.
  const Reply silent = get(authorize_path(c.id, {{"acr_values", "urn:uia:level:3"}, {"prompt", "none"}}), b.cookie);
  EXPECT_EQ(query_of(silent.header("location"))["error"], "login_required");
  // The same through the claims parameter and through the client's own minimum.
  const Reply by_claims = get(authorize_path(c.id, {{"claims", R"({"id_token":{"acr":{"essential":true,"values":["urn:uia:level:3"]}}})"}}), b.cookie);
  EXPECT_EQ(by_claims.header("location").rfind("/#/login?oidc=", 0), 0u);
  const Client strict = register_client({{"name", "工商登记"}, {"min_level", 3}});
  EXPECT_EQ(get(authorize_path(strict.id, {}), b.cookie).header("location").rfind("/#/login?oidc=", 0), 0u);
  // Level 2 suffices for an ordinary client: the code carries acr level 2.
  const Reply tokens = exchange(c, code_for(b, c.id));
  EXPECT_EQ(verified_claims(tokens.json.value("id_token", ""))["acr"], "urn:uia:level:2");
}

TEST_F(RestOidcNegative, BadRedirectUriIsShownNeverRedirectedTo) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  for (const std::string uri : {"http://127.0.0.1:9/cb/", "http://127.0.0.1:9/CB", "https://evil.example/cb", ""}) {
    const Reply reply = get(authorize_path(c.id, {{"redirect_uri", uri.empty() ? "<omit>" : uri}}), b.cookie);
    expect_oauth_error(reply, 400, "invalid_request");
    EXPECT_TRUE(reply.header("location").empty()) << uri;
  }
  expect_oauth_error(get(authorize_path("uia-unknown", {}), b.cookie), 400, "invalid_client");
  // With a good redirect URI, other mistakes go back to the client.
  const Reply scope = get(authorize_path(c.id, {{"scope", "profile"}}), b.cookie);
  EXPECT_EQ(query_of(scope.header("location"))["error"], "invalid_scope");
  const Reply type = get(authorize_path(c.id, {{"response_type", "token"}}), b.cookie);
  EXPECT_EQ(query_of(type.header("location"))["error"], "unsupported_response_type");
  EXPECT_EQ(query_of(type.header("location"))["state"], "st-1");
  // The token endpoint holds the code to its redirect URI too.
  const std::string code = code_for(b, c.id);
  expect_oauth_error(oauth_post("/oidc/token", {{"grant_type", "authorization_code"}, {"code", code},
                                                {"redirect_uri", "http://127.0.0.1:9/other"}}, c),
                     400, "invalid_grant");
}

TEST_F(RestOidcNegative, ReusedCodeRevokesWhatItGave) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  const std::string code = code_for(b, c.id);
  const Reply first = exchange(c, code);
  ASSERT_EQ(first.status, 200) << first.body;
  expect_oauth_error(exchange(c, code), 400, "invalid_grant");
  expect_oauth_error(userinfo(first.json["access_token"]), 401, "invalid_token");
  expect_oauth_error(refresh(c, first.json["refresh_token"]), 400, "invalid_grant");
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.token.code' AND result = 'denied' AND detail LIKE 'code_reused%'"), 1);
}

TEST_F(RestOidcNegative, CodeOfAnotherClientPkceMismatchAndExpiry) {
  const Client c = register_client();
  const Client other = register_client({{"name", "另一系统"}});
  const Browser b = signed_in_adult();
  const std::string code = code_for(b, c.id);
  expect_oauth_error(exchange(other, code), 400, "invalid_grant");
  EXPECT_EQ(exchange(c, code).status, 200) << "the other client's attempt did not spend the code";

  const Pkce p = pkce(), wrong = pkce();
  const std::string pk = code_for(b, c.id, {{"code_challenge", p.challenge}, {"code_challenge_method", "S256"}});
  expect_oauth_error(exchange(c, pk, wrong.verifier), 400, "invalid_grant");
  expect_oauth_error(exchange(c, pk), 400, "invalid_grant");
  EXPECT_EQ(exchange(c, pk, p.verifier).status, 200);
  // A verifier for a code that had no challenge is refused too.
  expect_oauth_error(exchange(c, code_for(b, c.id), p.verifier), 400, "invalid_grant");

  const std::string late = code_for(b, c.id);
  advance(61s);
  expect_oauth_error(exchange(c, late), 400, "invalid_grant");
  // Wrong client credentials and unknown grant types.
  expect_oauth_error(exchange(Client{c.id, "not-the-secret", {}}, code_for(b, c.id)), 401, "invalid_client");
  expect_oauth_error(oauth_post("/oidc/token", {{"grant_type", "password"}}, c), 400, "unsupported_grant_type");
  expect_oauth_error(request("POST", "/oidc/token", "grant_type=authorization_code&code=a&code=b"), 400, "invalid_request");
}

TEST_F(RestOidcNegative, ReusedRefreshTokenRevokesTheWholeFamily) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  const Reply first = exchange(c, code_for(b, c.id));
  ASSERT_EQ(first.status, 200) << first.body;
  const Reply second = refresh(c, first.json["refresh_token"]);
  ASSERT_EQ(second.status, 200) << second.body;
  // An attacker replays the first refresh token: refused, and the family is gone.
  expect_oauth_error(refresh(c, first.json["refresh_token"]), 400, "invalid_grant");
  expect_oauth_error(refresh(c, second.json["refresh_token"]), 400, "invalid_grant");
  expect_oauth_error(userinfo(second.json["access_token"]), 401, "invalid_token");
  EXPECT_EQ(count_rows("oidc_token_families", "revoked_reason = 'refresh_reused'"), 1);
  // Another client cannot use this client's refresh token.
  const Reply fresh = exchange(c, code_for(b, c.id));
  const Client other = register_client({{"name", "另一系统"}});
  expect_oauth_error(refresh(other, fresh.json["refresh_token"]), 400, "invalid_grant");
  EXPECT_EQ(refresh(c, fresh.json["refresh_token"]).status, 200);
}

TEST_F(RestOidcNegative, SealedTokensTakeNoChangeAndARevokedAccessTokenLeavesTheRefreshTokenWorking) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  const Reply first = exchange(c, code_for(b, c.id));
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string access = first.json["access_token"], refresh_token = first.json["refresh_token"];
  // One changed character, or one kind for the other, is an unknown token.
  std::string changed = access;
  changed[3] = changed[3] == 'A' ? 'B' : 'A';
  expect_oauth_error(userinfo(changed), 401, "invalid_token");
  expect_oauth_error(userinfo(refresh_token), 401, "invalid_token");
  expect_oauth_error(refresh(c, access), 400, "invalid_grant");
  EXPECT_EQ(count_rows("oidc_token_families", "revoked_at IS NOT NULL"), 0) << "a forged token revokes nothing";

  const Reply second = refresh(c, refresh_token);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(userinfo(access).status, 200) << "an older access token lives until it expires";
  // RFC 7009 for an access token: it and the family's older ones end; the refresh token works on.
  EXPECT_EQ(oauth_post("/oidc/revoke", {{"token", second.json["access_token"]}}, c).status, 200);
  expect_oauth_error(userinfo(second.json["access_token"]), 401, "invalid_token");
  expect_oauth_error(userinfo(access), 401, "invalid_token");
  EXPECT_EQ(oauth_post("/oidc/introspect", {{"token", second.json["access_token"]}}, c).json["active"], false);
  EXPECT_EQ(oauth_post("/oidc/introspect", {{"token", second.json["refresh_token"]}}, c).json["active"], true);
  const Reply third = refresh(c, second.json["refresh_token"]);
  ASSERT_EQ(third.status, 200) << third.body;
  EXPECT_EQ(userinfo(third.json["access_token"]).status, 200);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.revoke' AND detail = 'access_token'"), 1);
  // The rotated refresh token is no longer active, and introspection says so.
  EXPECT_EQ(oauth_post("/oidc/introspect", {{"token", refresh_token}}, c).json["active"], false);
}

TEST_F(RestOidcNegative, TamperedIdTokenFailsVerification) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  const Reply tokens = exchange(c, code_for(b, c.id));
  const std::string id_token = tokens.json["id_token"];
  ASSERT_TRUE(verified_claims(id_token).is_object());
  const auto first = id_token.find('.'), last = id_token.rfind('.');
  auto claims = nlohmann::json::parse(*crypto::base64url_decode(id_token.substr(first + 1, last - first - 1)));
  claims["uia_level"] = 3;
  claims["sub"] = "someone-else";
  const std::string forged = id_token.substr(0, first + 1) + crypto::base64url_encode(claims.dump()) + id_token.substr(last);
  EXPECT_TRUE(verified_claims(forged).is_null());
  std::string sig = *crypto::base64url_decode(id_token.substr(last + 1));
  sig[0] = static_cast<char>(sig[0] ^ 0x40);
  EXPECT_TRUE(verified_claims(id_token.substr(0, last + 1) + crypto::base64url_encode(sig)).is_null());
}

TEST_F(RestOidcCentre, ListsAndWithdrawsAuthorizedSystems) {
  const Client c = register_client();
  const Client d = register_client({{"name", "公积金系统"}});
  const Browser b = signed_in_adult();
  const Reply tc = exchange(c, code_for(b, c.id));
  const Reply td = exchange(d, code_for(b, d.id));
  const Reply listed = get("/api/v1/me/authorized-clients", b.cookie);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json["clients"].size(), 2u);
  std::set<std::string> names;
  for (const auto& item : listed.json["clients"]) names.insert(item.value("name", ""));
  EXPECT_EQ(names, (std::set<std::string>{"社保业务系统", "公积金系统"}));
  EXPECT_FALSE(listed.json["clients"][0]["last_used_at"].is_null());
  const Reply gone = request("DELETE", "/api/v1/me/authorized-clients/" + c.id, "", b.cookie);
  EXPECT_EQ(gone.status, 204) << gone.body;
  expect_oauth_error(userinfo(tc.json["access_token"]), 401, "invalid_token");
  expect_oauth_error(refresh(c, tc.json["refresh_token"]), 400, "invalid_grant");
  EXPECT_EQ(userinfo(td.json["access_token"]).status, 200) << "the other system keeps its authorization";
  EXPECT_EQ(get("/api/v1/me/authorized-clients", b.cookie).json["clients"].size(), 1u);
  expect_error(request("DELETE", "/api/v1/me/authorized-clients/" + c.id, "", b.cookie), 404, "NOT_FOUND");
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.grant.revoke'"), 1);
  // Consent must be given again.
  EXPECT_EQ(get(authorize_path(c.id, {}), b.cookie).header("location").rfind("/#/consent?oidc=", 0), 0u);
  expect_error(get("/api/v1/me/authorized-clients"), 401, "UNAUTHENTICATED");
}

TEST_F(RestOidcCentre, AccountDeletionRevokesEveryAuthorization) {
  const Client c = register_client();
  const Client d = register_client({{"name", "公积金系统"}});
  const Browser b = signed_in_adult();
  const Reply tc = exchange(c, code_for(b, c.id));
  const Reply td = exchange(d, code_for(b, d.id));
  const std::string unused_code = code_for(b, c.id);
  advance(61s);  // past the registration SMS's resend wait
  const Caller bearer = bearer_of(login(b.applicant.account, b.applicant.password));
  ASSERT_EQ(post("/api/v1/me/deletion/sms", nlohmann::json::object(), bearer).status, 202);
  const std::string sms = newest_sms(b.applicant.phone).value("code", "");
  const Reply deleted = request("DELETE", "/api/v1/me",
                                nlohmann::json({{"id_number", b.applicant.id_number}, {"sms_code", sms}}).dump(), bearer);
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_EQ(count_rows("oidc_grants"), 0);
  EXPECT_EQ(count_rows("oidc_token_families", "revoked_at IS NULL"), 0);
  for (const Reply* t : {&tc, &td}) expect_oauth_error(userinfo(t->json["access_token"]), 401, "invalid_token");
  expect_oauth_error(refresh(d, td.json["refresh_token"]), 400, "invalid_grant");
  expect_oauth_error(exchange(c, unused_code), 400, "invalid_grant");
}

using RestOidcLogout = RestOidcTest;

TEST_F(RestOidcLogout, EndsTheSessionRevokesItsTokensAndTellsEveryClientItTouched) {
  const Client a = register_client({{"name", "A"}, {"backchannel_logout_uri", "https://a.example/logout"},
                                    {"post_logout_redirect_uris", {"https://a.example/bye"}}});
  const Client b = register_client({{"name", "B"}, {"backchannel_logout_uri", "https://b.example/logout"},
                                    {"subject_type", "pairwise"}, {"id_token_signed_response_alg", "RS256"}});
  const Client c = register_client({{"name", "C"}});  // no back-channel URI
  const Client untouched = register_client({{"name", "D"}, {"backchannel_logout_uri", "https://d.example/logout"}});
  const Browser browser = signed_in_adult();
  const Reply ta = exchange(a, code_for(browser, a.id));
  const Reply tb = exchange(b, code_for(browser, b.id));
  const Reply tc = exchange(c, code_for(browser, c.id));
  ASSERT_EQ(ta.status, 200) << ta.body;
  const std::string id_token = ta.json["id_token"];
  const auto a_claims = verified_claims(id_token);

  // A post-logout URI that is not registered is shown as an error, and nothing ends.
  const std::string hint = "/oidc/logout?id_token_hint=" + id_token;
  Reply refused = get(hint + "&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F", browser.cookie);
  expect_oauth_error(refused, 400, "invalid_request");
  EXPECT_TRUE(refused.header("location").empty());
  std::string forged = id_token;
  forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
  expect_oauth_error(get("/oidc/logout?id_token_hint=" + forged, browser.cookie), 400, "invalid_request");
  EXPECT_EQ(get("/api/v1/me", browser.cookie).status, 200);

  const Reply out = get(hint + "&post_logout_redirect_uri=https%3A%2F%2Fa.example%2Fbye&state=s1", browser.cookie);
  ASSERT_EQ(out.status, 302) << out.body;
  EXPECT_EQ(out.header("location"), "https://a.example/bye?state=s1");
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos) << out.header("set-cookie");
  EXPECT_EQ(get("/api/v1/me", browser.cookie).status, 401);
  for (const Reply* t : {&ta, &tb, &tc}) expect_oauth_error(userinfo(t->json["access_token"]), 401, "invalid_token");

  const auto calls = backchannel_calls();
  ASSERT_EQ(calls.size(), 2u) << "A and B, not C (no URI) nor D (never used by this session)";
  std::map<std::string, nlohmann::json> by_uri;
  for (const auto& call : calls) by_uri[call.value("uri", "")] = verified_claims(call.value("logout_token", ""));
  const auto& la = by_uri["https://a.example/logout"];
  ASSERT_TRUE(la.is_object());
  EXPECT_EQ(la["aud"], a.id);
  EXPECT_EQ(la["iss"], "http://127.0.0.1");
  EXPECT_EQ(la["sub"], a_claims["sub"]);
  EXPECT_EQ(la["sid"], a_claims["sid"]);
  EXPECT_TRUE(la["events"].contains("http://schemas.openid.net/event/backchannel-logout"));
  EXPECT_FALSE(la.contains("nonce"));
  const auto& lb = by_uri["https://b.example/logout"];
  ASSERT_TRUE(lb.is_object()) << "signed RS256 for B, still verifiable";
  EXPECT_EQ(lb["sub"], verified_claims(tb.json["id_token"])["sub"]);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.backchannel_logout' AND result = 'ok'"), 2);
  (void)untouched;
}

TEST_F(RestOidcLogout, WithoutAHintOrASession) {
  const Client a = register_client({{"backchannel_logout_uri", "https://a.example/logout"}});
  const Browser browser = signed_in_adult();
  const Reply ta = exchange(a, code_for(browser, a.id));
  ASSERT_EQ(ta.status, 200) << ta.body;
  // Logout with client_id instead of a hint, no redirect URI: the browser goes home.
  const Reply out = get("/oidc/logout?client_id=" + a.id, browser.cookie);
  EXPECT_EQ(out.status, 302);
  EXPECT_EQ(out.header("location"), "/");
  EXPECT_EQ(backchannel_calls().size(), 1u);
  expect_oauth_error(refresh(a, ta.json["refresh_token"]), 400, "invalid_grant");
  // Logout without a session (or a hint) just goes home, and tells nobody.
  const Reply home = get("/oidc/logout");
  EXPECT_EQ(home.status, 302);
  EXPECT_EQ(home.header("location"), "/");
  EXPECT_EQ(backchannel_calls().size(), 1u);
}

}  // namespace
}  // namespace uia::rest
