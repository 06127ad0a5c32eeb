// private_key_jwt client authentication (OIDC Core §9, RFC 7523): back-office registers a
// business system with its public keys (jwks, inline; jwks_uri refused), the system proves
// itself at the token, introspection and revocation endpoints with a short-lived JWT signed by
// one of them. Each way an assertion can be wrong is refused with invalid_client (401) and
// audited: wrong audience, expired, too long-lived, a replayed jti, another key, alg none or
// HS256, no jti, sub differing from iss; and such a client sending a secret instead.
#include <set>

#include "rest_oidc_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

constexpr const char* kJwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr const char* kIssuer = "http://127.0.0.1";

class RestOidcPrivateKeyJwt : public RestOidcTest {
 protected:
  struct KeyPair {
    std::string pem;
    crypto::JwsAlg alg = crypto::JwsAlg::ES256;
    std::string kid;
    nlohmann::json jwk;  // the public half
  };
  static KeyPair key_pair(crypto::JwsAlg alg, const std::string& kid) {
    KeyPair k;
    k.pem = crypto::generate_signing_key_pem(alg);
    k.alg = alg;
    k.kid = kid;
    k.jwk = crypto::public_jwk(k.pem, alg, kid);
    return k;
  }

  Client register_jwt_client(const std::vector<KeyPair>& keys, nlohmann::json overrides = nlohmann::json::object()) {
    nlohmann::json set = nlohmann::json::array();
    for (const auto& k : keys) set.push_back(k.jwk);
    overrides["token_endpoint_auth_method"] = "private_key_jwt";
    overrides["jwks"] = {{"keys", set}};
    Client c = register_client(overrides);
    EXPECT_TRUE(c.secret.empty()) << "a private_key_jwt client gets no secret";
    return c;
  }

  long long now() const { return std::chrono::system_clock::to_time_t(clock_->now()); }

  // Good claims for `client_id`: change one to make the assertion bad.
  nlohmann::json claims_for(const std::string& client_id) {
    return {{"iss", client_id}, {"sub", client_id}, {"aud", std::string(kIssuer) + "/oidc/token"},
            {"iat", now()}, {"exp", now() + 60}, {"jti", crypto::random_token(ports::SystemRandom::instance(), 16)}};
  }
  static std::string sign(const KeyPair& key, const nlohmann::json& claims) { return crypto::jws_sign(key.pem, key.alg, key.kid, claims); }
  // An unsigned or HMAC "signed" assertion, as an attacker would try.
  static std::string forged(const std::string& alg, const nlohmann::json& claims) {
    const nlohmann::json header = {{"alg", alg}, {"typ", "JWT"}};
    return crypto::base64url_encode(header.dump()) + "." + crypto::base64url_encode(claims.dump()) + "." +
           (alg == "none" ? "" : crypto::base64url_encode(std::string(32, 'x')));
  }

  // POST to an OAuth endpoint authenticating with `assertion` (no Basic header).
  Reply with_assertion(const std::string& path, Params params, const std::string& assertion) {
    params.emplace_back("client_assertion_type", kJwtBearer);
    params.emplace_back("client_assertion", assertion);
    return request("POST", path, form(params));
  }
  Reply exchange_with(const std::string& code, const std::string& assertion) {
    return with_assertion("/oidc/token", {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", kRedirect}},
                          assertion);
  }
  long long denials(const std::string& client_id) {
    return count_rows("audit_log", "action = 'oidc.client_auth' AND result = 'denied' AND target = 'oidc_client:" + client_id + "'");
  }
};

TEST_F(RestOidcPrivateKeyJwt, RegistrationKeepsThePublicKeysAndRefusesBadOnes) {
  const KeyPair es = key_pair(crypto::JwsAlg::ES256, "es-1");
  const KeyPair rs = key_pair(crypto::JwsAlg::RS256, "rs-1");
  const Client c = register_jwt_client({es, rs});
  EXPECT_EQ(c.json.value("token_endpoint_auth_method", ""), "private_key_jwt");
  EXPECT_FALSE(c.json.contains("client_secret"));
  ASSERT_EQ(c.json["jwks"]["keys"].size(), 2u) << c.json.dump();
  EXPECT_EQ(c.json["jwks"]["keys"][0]["kid"], "es-1");
  EXPECT_EQ(c.json["jwks"]["keys"][0]["alg"], "ES256");
  EXPECT_EQ(c.json["jwks"]["keys"][1]["alg"], "RS256");
  // Listed the same way; secret clients say how they authenticate too.
  const Client secret = register_client({{"name", "公积金系统"}});
  EXPECT_EQ(secret.json.value("token_endpoint_auth_method", ""), "client_secret_basic");
  EXPECT_TRUE(secret.json["jwks"].is_null());
  const Client pub = register_client({{"name", "移动端"}, {"client_type", "public"}});
  EXPECT_EQ(pub.json.value("token_endpoint_auth_method", ""), "none");

  const auto refused = [&](nlohmann::json jwks, const std::string& code, const std::string& field = "jwks",
                           nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json body = {{"name", "坏系统"}, {"redirect_uris", {kRedirect}}, {"token_endpoint_auth_method", "private_key_jwt"}};
    if (!jwks.is_null()) body["jwks"] = jwks;
    for (auto& [k, v] : extra.items()) body[k] = v;
    const Reply reply = post("/api/v1/admin/clients", body, admin_);
    expect_error(reply, 400, code);
    EXPECT_EQ(reply.error_field(), field) << reply.body;
  };
  refused(nullptr, "FIELD_REQUIRED");
  refused({{"keys", nlohmann::json::array()}}, "CLIENT_JWKS_INVALID");
  refused(es.jwk, "CLIENT_JWKS_INVALID");  // a bare JWK, not a set
  nlohmann::json with_private = es.jwk;
  with_private["d"] = crypto::base64url_encode(std::string(32, '\x01'));
  refused({{"keys", {with_private}}}, "CLIENT_JWKS_INVALID");
  nlohmann::json short_rsa = rs.jwk;  // a 1024-bit modulus
  short_rsa["n"] = crypto::base64url_encode(crypto::base64url_decode(rs.jwk["n"].get<std::string>())->substr(0, 128));
  refused({{"keys", {short_rsa}}}, "CLIENT_JWKS_INVALID");
  nlohmann::json off_curve = es.jwk;
  off_curve["x"] = crypto::base64url_encode(std::string(32, '\x07'));
  refused({{"keys", {off_curve}}}, "CLIENT_JWKS_INVALID");
  nlohmann::json p384 = es.jwk;
  p384["crv"] = "P-384";
  refused({{"keys", {p384}}}, "CLIENT_JWKS_INVALID");
  nlohmann::json mislabelled = es.jwk;
  mislabelled["alg"] = "RS256";
  refused({{"keys", {mislabelled}}}, "CLIENT_JWKS_INVALID");
  nlohmann::json hmac = {{"kty", "oct"}, {"k", "c2VjcmV0"}, {"alg", "HS256"}};
  refused({{"keys", {hmac}}}, "CLIENT_JWKS_INVALID");
  KeyPair twin = key_pair(crypto::JwsAlg::ES256, "es-1");
  refused({{"keys", {es.jwk, twin.jwk}}}, "CLIENT_JWKS_INVALID");  // kids must differ
  nlohmann::json no_kid_a = es.jwk, no_kid_b = twin.jwk;
  no_kid_a.erase("kid");
  no_kid_b.erase("kid");
  refused({{"keys", {no_kid_a, no_kid_b}}}, "CLIENT_JWKS_INVALID");  // several keys need kids
  refused({{"keys", {es.jwk}}}, "CLIENT_JWKS_URI_UNSUPPORTED", "jwks_uri", {{"jwks_uri", "https://rp.example/jwks"}});
  refused({{"keys", {es.jwk}}}, "OPTION_INVALID", "token_endpoint_auth_method", {{"client_type", "public"}});
  refused({{"keys", {es.jwk}}}, "CLIENT_JWKS_INVALID", "jwks", {{"token_endpoint_auth_method", "client_secret_basic"}});
  refused({{"keys", {es.jwk}}}, "OPTION_INVALID", "token_endpoint_auth_method", {{"token_endpoint_auth_method", "tls_client_auth"}});
  EXPECT_EQ(count_rows("oidc_clients"), 3);
}

TEST_F(RestOidcPrivateKeyJwt, DiscoveryAdvertisesIt) {
  const Reply doc = get("/.well-known/openid-configuration");
  ASSERT_EQ(doc.status, 200) << doc.body;
  for (const char* list : {"token_endpoint_auth_methods_supported", "introspection_endpoint_auth_methods_supported",
                           "revocation_endpoint_auth_methods_supported"}) {
    const auto methods = doc.json[list].get<std::set<std::string>>();
    EXPECT_TRUE(methods.count("private_key_jwt")) << list;
  }
  EXPECT_EQ(doc.json["token_endpoint_auth_signing_alg_values_supported"].get<std::set<std::string>>(),
            (std::set<std::string>{"ES256", "RS256"}));
}

TEST_F(RestOidcPrivateKeyJwt, AGoodAssertionGetsTokensIntrospectsAndRevokes) {
  const KeyPair es = key_pair(crypto::JwsAlg::ES256, "es-1");
  const KeyPair rs = key_pair(crypto::JwsAlg::RS256, "rs-1");
  const Client c = register_jwt_client({es, rs});
  const Browser b = signed_in_adult();

  const Reply tokens = exchange_with(code_for(b, c.id), sign(es, claims_for(c.id)));
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  EXPECT_EQ(verified_claims(tokens.json["id_token"]).value("aud", ""), c.id);
  EXPECT_EQ(userinfo(tokens.json["access_token"]).status, 200);

  // The other key, the issuer as audience (an array), client_id in the body too.
  nlohmann::json claims = claims_for(c.id);
  claims["aud"] = {"https://someone.else", kIssuer};
  const Reply refreshed = with_assertion(
      "/oidc/token", {{"grant_type", "refresh_token"}, {"refresh_token", tokens.json["refresh_token"]}, {"client_id", c.id}},
      sign(rs, claims));
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;

  const Reply active = with_assertion("/oidc/introspect", {{"token", refreshed.json["access_token"]}}, sign(es, claims_for(c.id)));
  ASSERT_EQ(active.status, 200) << active.body;
  EXPECT_TRUE(active.json.value("active", false)) << active.body;
  const Reply revoked = with_assertion("/oidc/revoke", {{"token", refreshed.json["refresh_token"]}}, sign(es, claims_for(c.id)));
  EXPECT_EQ(revoked.status, 200) << revoked.body;
  expect_oauth_error(userinfo(refreshed.json["access_token"]), 401, "invalid_token");
  EXPECT_EQ(count_rows("oidc_client_assertions"), 4) << "each jti kept until its exp";
  EXPECT_EQ(denials(c.id), 0);

  // A single key registered without a kid verifies whatever kid the library put in the header.
  KeyPair lone = key_pair(crypto::JwsAlg::ES256, "");
  lone.jwk.erase("kid");
  const Client single = register_jwt_client({lone}, {{"name", "公积金系统"}});
  lone.kid = "whatever-the-library-chose";
  EXPECT_EQ(exchange_with(code_for(b, single.id), sign(lone, claims_for(single.id))).status, 200);
}

TEST_F(RestOidcPrivateKeyJwt, EveryBadAssertionIsRefusedAndAudited) {
  const KeyPair key = key_pair(crypto::JwsAlg::ES256, "es-1");
  const Client c = register_jwt_client({key});
  const Browser b = signed_in_adult();
  const std::string code = code_for(b, c.id);  // refusals happen before the code is looked at

  const auto refused = [&](const std::string& assertion, const std::string& why) {
    const Reply reply = exchange_with(code, assertion);
    expect_oauth_error(reply, 401, "invalid_client");
    EXPECT_NE(reply.json.value("error_description", "").find(why), std::string::npos) << why << ": " << reply.body;
  };
  nlohmann::json claims = claims_for(c.id);
  claims["aud"] = "https://other-provider.example/token";
  refused(sign(key, claims), "wrong_audience");
  claims = claims_for(c.id);
  claims.erase("aud");
  refused(sign(key, claims), "wrong_audience");
  claims = claims_for(c.id);
  claims["iat"] = now() - 120;
  claims["exp"] = now() - 1;
  refused(sign(key, claims), "expired");
  claims = claims_for(c.id);
  claims["exp"] = now() + 3600;
  refused(sign(key, claims), "lifetime_too_long");
  claims = claims_for(c.id);
  claims.erase("exp");
  refused(sign(key, claims), "exp_missing");
  claims = claims_for(c.id);
  claims["iat"] = now() + 600;
  refused(sign(key, claims), "iat_insane");
  claims = claims_for(c.id);
  claims.erase("jti");
  refused(sign(key, claims), "jti_missing");
  claims = claims_for(c.id);
  claims["sub"] = "someone-else";
  refused(sign(key, claims), "iss_sub_mismatch");
  // Another key under the registered kid: the signature does not verify.
  const KeyPair impostor = key_pair(crypto::JwsAlg::ES256, "es-1");
  refused(sign(impostor, claims_for(c.id)), "bad_signature");
  const KeyPair unknown = key_pair(crypto::JwsAlg::ES256, "es-2");
  refused(sign(unknown, claims_for(c.id)), "unknown_kid");
  refused(forged("none", claims_for(c.id)), "alg_refused");
  refused(forged("HS256", claims_for(c.id)), "alg_refused");
  EXPECT_EQ(denials(c.id), 12);

  // Replay: the same assertion twice (even for another request).
  const std::string once = sign(key, claims_for(c.id));
  const Reply first = exchange_with(code, once);
  ASSERT_EQ(first.status, 200) << first.body;
  const Reply again = with_assertion("/oidc/introspect", {{"token", first.json["access_token"]}}, once);
  expect_oauth_error(again, 401, "invalid_client");
  EXPECT_NE(again.body.find("jti_replayed"), std::string::npos) << again.body;
  EXPECT_EQ(denials(c.id), 13);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.client_auth' AND detail = 'private_key_jwt jti_replayed'"), 1);
}

TEST_F(RestOidcPrivateKeyJwt, SuchAClientCannotUseASecretAndOthersCannotUseAssertions) {
  const KeyPair key = key_pair(crypto::JwsAlg::ES256, "es-1");
  const Client c = register_jwt_client({key});
  const Client secret_client = register_client({{"name", "公积金系统"}});
  const Browser b = signed_in_adult();
  const std::string code = code_for(b, c.id);
  const Params grant = {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", kRedirect}};

  // A secret, by Basic or in the body, or just the client_id: refused, audited.
  expect_oauth_error(request("POST", "/oidc/token", form(grant), {}, basic(c.id, "guessed-secret")), 401, "invalid_client");
  Params post_secret = grant;
  post_secret.emplace_back("client_id", c.id);
  post_secret.emplace_back("client_secret", "guessed-secret");
  expect_oauth_error(request("POST", "/oidc/token", form(post_secret)), 401, "invalid_client");
  Params bare = grant;
  bare.emplace_back("client_id", c.id);
  expect_oauth_error(request("POST", "/oidc/token", form(bare)), 401, "invalid_client");
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.client_auth' AND detail = 'private_key_jwt secret_sent'"), 2);
  EXPECT_EQ(denials(c.id), 3);

  // An assertion with a secret too, or with the wrong type, or naming another client_id.
  const Reply both = request("POST", "/oidc/token",
                             form({{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", kRedirect},
                                   {"client_assertion_type", kJwtBearer}, {"client_assertion", sign(key, claims_for(c.id))}}),
                             {}, basic(c.id, "x"));
  expect_oauth_error(both, 401, "invalid_client");
  Params wrong_type = grant;
  wrong_type.emplace_back("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
  wrong_type.emplace_back("client_assertion", sign(key, claims_for(c.id)));
  expect_oauth_error(request("POST", "/oidc/token", form(wrong_type)), 401, "invalid_client");
  Params other_id = grant;
  other_id.emplace_back("client_id", secret_client.id);
  expect_oauth_error(with_assertion("/oidc/token", other_id, sign(key, claims_for(c.id))), 401, "invalid_client");

  // A secret client cannot switch to assertions (it registered no key).
  const KeyPair own = key_pair(crypto::JwsAlg::ES256, "es-1");
  expect_oauth_error(exchange_with(code_for(b, secret_client.id), sign(own, claims_for(secret_client.id))), 401, "invalid_client");
  EXPECT_EQ(denials(secret_client.id), 1);

  // The code survived every refusal.
  EXPECT_EQ(exchange_with(code, sign(key, claims_for(c.id))).status, 200);
}

TEST_F(RestOidcPrivateKeyJwt, UsedJtisLeaveOnceExpired) {
  const KeyPair key = key_pair(crypto::JwsAlg::ES256, "es-1");
  const Client c = register_jwt_client({key});
  const Browser b = signed_in_adult();
  const Reply tokens = exchange_with(code_for(b, c.id), sign(key, claims_for(c.id)));
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  EXPECT_EQ(count_rows("oidc_client_assertions"), 1);
  advance(61s);  // past the first assertion's exp
  const Reply active = with_assertion("/oidc/introspect", {{"token", tokens.json["access_token"]}}, sign(key, claims_for(c.id)));
  ASSERT_EQ(active.status, 200) << active.body;
  EXPECT_EQ(count_rows("oidc_client_assertions"), 1) << "the expired jti was swept when the new one was written";
}

}  // namespace
}  // namespace uia::rest
