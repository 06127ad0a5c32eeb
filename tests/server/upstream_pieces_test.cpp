// The pieces of upstream sign-in that need no server: the ID token check, the provider
// configuration rules, the signing-key cache, and the provider side's "uia_id" claims.
#include <gtest/gtest.h>

#include "crypto/jose.h"
#include "flows/oidc/id_claims.h"
#include "flows/upstream/id_token_check.h"
#include "flows/upstream/return_target.h"
#include "flows/upstream/upstream_config.h"
#include "flows/upstream/upstream_providers.h"

namespace uia::flows::upstream {
namespace {

using crypto::JwsAlg;

constexpr long long kNow = 1795608000;

struct Key {
  std::string pem;
  nlohmann::json jwk;
};
Key make_key(const std::string& kid) {
  Key k;
  k.pem = crypto::generate_signing_key_pem(JwsAlg::ES256);
  k.jwk = crypto::public_jwk(k.pem, JwsAlg::ES256, kid);
  return k;
}

nlohmann::json good_claims() {
  return {{"iss", "https://national.example.gov.cn"}, {"aud", "uia-province"}, {"sub", "u-1"},
          {"iat", kNow - 5}, {"exp", kNow + 600}, {"nonce", "n-123"}, {"id_number", "110105199005170011"}};
}
IdTokenExpectations expected() { return {"https://national.example.gov.cn", "uia-province", "n-123", kNow}; }

TEST(UpstreamIdToken, AcceptsAGoodTokenAndRefusesEachBadPart) {
  const Key key = make_key("k1");
  const auto sign = [&](const nlohmann::json& claims) { return crypto::jws_sign(key.pem, JwsAlg::ES256, "k1", claims); };
  const auto good = check_id_token(sign(good_claims()), key.jwk, expected());
  ASSERT_EQ(good.problem, IdTokenProblem::None);
  EXPECT_EQ(good.claims["sub"], "u-1");

  // Signed by a key the provider does not publish under that kid.
  const Key other = make_key("k1");
  EXPECT_EQ(check_id_token(crypto::jws_sign(other.pem, JwsAlg::ES256, "k1", good_claims()), key.jwk, expected()).problem,
            IdTokenProblem::BadSignature);
  EXPECT_EQ(check_id_token(sign(good_claims()), nullptr, expected()).problem, IdTokenProblem::UnknownKey);
  EXPECT_EQ(check_id_token("not.a.token", key.jwk, expected()).problem, IdTokenProblem::Malformed);
  // A payload altered after signing.
  std::string token = sign(good_claims());
  const auto dot = token.find('.');
  token[dot + 3] = token[dot + 3] == 'A' ? 'B' : 'A';
  EXPECT_NE(check_id_token(token, key.jwk, expected()).problem, IdTokenProblem::None);

  auto claims = good_claims();
  claims["iss"] = "https://elsewhere.example";
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::WrongIssuer);
  claims = good_claims();
  claims["aud"] = "another-client";
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::WrongAudience);
  claims["aud"] = {"another-client", "uia-province"};  // several audiences without azp = us
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::WrongAudience);
  claims["azp"] = "uia-province";
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::None);
  claims = good_claims();
  claims["exp"] = kNow - 61;  // past the 60 s leeway
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::Expired);
  claims = good_claims();
  claims["nonce"] = "n-other";
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::NonceMismatch);
  claims.erase("nonce");
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::NonceMismatch);
  claims = good_claims();
  claims.erase("sub");
  EXPECT_EQ(check_id_token(sign(claims), key.jwk, expected()).problem, IdTokenProblem::NoSubject);
}

nlohmann::json provider_entry(const std::string& base) {
  return {{"name", "national"},          {"display_name", "国家政务服务平台"},
          {"issuer", base},              {"authorization_endpoint", base + "/authorize"},
          {"token_endpoint", base + "/token"}, {"jwks_uri", base + "/jwks"},
          {"client_id", "uia"},          {"client_secret", "s3cret"},
          {"redirect_uri", "https://uia.example.gov.cn/api/v1/upstream/national/callback"}};
}
std::string config_error(const nlohmann::json& entry, bool dev_mode) {
  try {
    parse_upstream_config({{"providers", {entry}}}, dev_mode);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

TEST(UpstreamConfig, EveryKeyIsCheckedAtStartUpWithItsName) {
  EXPECT_EQ(config_error(provider_entry("https://national.example.gov.cn"), false), "");
  const auto parsed = parse_upstream_config({{"providers", {provider_entry("https://n.example")}}}, false);
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0].id_number_claim, "id_number");
  EXPECT_EQ(parsed[0].timeout_ms, 5000);
  EXPECT_TRUE(parse_upstream_config(nullptr, false).empty());

  // Production: https only, plain http only to loopback; dev mode takes http anywhere.
  EXPECT_NE(config_error(provider_entry("http://national.example.gov.cn"), false).find("must use https://"), std::string::npos);
  auto clear_text = provider_entry("https://national.example.gov.cn");
  clear_text["token_endpoint"] = "http://national.example.gov.cn/token";
  EXPECT_EQ(config_error(clear_text, false),
            "upstream.providers[0].token_endpoint must use https:// in production (plain http only to a loopback host)");
  EXPECT_EQ(config_error(provider_entry("http://127.0.0.1:8443"), false), "");
  EXPECT_EQ(config_error(provider_entry("http://national.example.gov.cn"), true), "");

  auto entry = provider_entry("https://n.example");
  entry.erase("client_secret");
  EXPECT_EQ(config_error(entry, false), "upstream.providers[0].client_secret is required");
  entry = provider_entry("https://n.example");
  entry["client_sercet"] = "typo";
  EXPECT_EQ(config_error(entry, false), "upstream.providers[0].client_sercet is not a known setting");
  entry = provider_entry("https://n.example");
  entry["timeout_ms"] = 0;
  EXPECT_EQ(config_error(entry, false), "upstream.providers[0].timeout_ms must be an integer from 1 to 60000");
  entry = provider_entry("https://n.example");
  entry["name"] = "国家";
  EXPECT_NE(config_error(entry, false).find("upstream.providers[0].name"), std::string::npos);
  entry = provider_entry("https://n.example");
  entry["scope"] = "profile";
  EXPECT_NE(config_error(entry, false).find("must include openid"), std::string::npos);
  entry = provider_entry("https://n.example");
  entry["jwks_uri"] = "ftp://n.example/jwks";
  EXPECT_NE(config_error(entry, true).find("upstream.providers[0].jwks_uri"), std::string::npos);
  // Two providers of one name.
  try {
    parse_upstream_config({{"providers", {provider_entry("https://a.example"), provider_entry("https://b.example")}}}, false);
    ADD_FAILURE() << "a repeated name was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("providers[1].name"), std::string::npos) << e.what();
  }
  try {
    parse_upstream_config({{"provider", nlohmann::json::array()}}, false);
    ADD_FAILURE() << "an unknown section key was accepted";
  } catch (const std::exception& e) {
    EXPECT_EQ(std::string(e.what()), "upstream.provider is not a known setting");
  }
}

TEST(UpstreamConfig, TheIssParameterFlagIsABooleanAndOffByDefault) {
  EXPECT_FALSE(parse_upstream_config({{"providers", {provider_entry("https://n.example")}}}, false)[0].iss_parameter_supported);
  auto entry = provider_entry("https://n.example");
  entry["authorization_response_iss_parameter_supported"] = true;
  EXPECT_TRUE(parse_upstream_config({{"providers", {entry}}}, false)[0].iss_parameter_supported);
  entry["authorization_response_iss_parameter_supported"] = "yes";
  EXPECT_EQ(config_error(entry, false),
            "upstream.providers[0].authorization_response_iss_parameter_supported must be true or false");
}

TEST(UpstreamReturnTarget, OnlyAPathOnThisSite) {
  for (const char* good : {"/", "/#/centre", "/#/consent?oidc=abc-DEF_1", "/oidc/authorize?client_id=a&state=b%20c"})
    EXPECT_TRUE(is_safe_return_target(good)) << good;
  for (const char* bad : {"", "centre", "#/centre", "https://evil.example/", "//evil.example", "/\\evil.example",
                          "/a\\b", "javascript:alert(1)", "/a b", "/a\tb", "/a\nb", "/\x7f", "/\xe4\xb8\xad"})
    EXPECT_FALSE(is_safe_return_target(bad)) << bad;
  EXPECT_TRUE(is_safe_return_target("/" + std::string(kReturnTargetMaxLength - 1, 'a')));
  EXPECT_FALSE(is_safe_return_target("/" + std::string(kReturnTargetMaxLength, 'a')));
}

TEST(UpstreamReturnTarget, ThePendingRequestIsReadOnlyFromAConsentTarget) {
  EXPECT_EQ(pending_request_in("/#/consent?oidc=abc-DEF_1"), "abc-DEF_1");
  EXPECT_EQ(pending_request_in("/#/consent?oidc=abc&x=1"), "abc");
  for (const std::string& bad : std::vector<std::string>{"", "/#/centre", "/#/login?oidc=abc", "/#/consent?oidc=", "/#/consent?oidc=a%20b",
                                "/#/consent?oidc=a<b", "/#/consent?oidc=" + std::string(65, 'a')})
    EXPECT_EQ(pending_request_in(bad), "") << bad;
}

// A provider whose JWKS we control and count.
class CountingProvider : public ports::UpstreamOidc {
 public:
  ports::UpstreamReply exchange_code(const std::string&, const std::string&) const override { return {}; }
  ports::UpstreamReply userinfo(const std::string&) const override { return {}; }
  ports::UpstreamReply fetch_jwks() const override {
    ++fetches;
    ports::UpstreamReply reply;
    if (!up) return reply;  // Unavailable
    reply.outcome = ports::UpstreamOutcome::Ok;
    reply.json = {{"keys", keys}};
    return reply;
  }
  mutable int fetches = 0;
  bool up = true;
  nlohmann::json keys = nlohmann::json::array();
};

TEST(UpstreamKeys, CachesByKidAndRefetchesAnUnknownKidAtMostEvery30Seconds) {
  CountingProvider provider;
  provider.keys.push_back(make_key("k1").jwk);
  UpstreamKeys keys;
  EXPECT_TRUE(keys.key_for("k1", provider, kNow).jwk.is_object());
  EXPECT_TRUE(keys.key_for("k1", provider, kNow + 1).jwk.is_object());
  EXPECT_EQ(provider.fetches, 1);
  // A made-up kid: no key, and no second fetch so soon.
  const auto unknown = keys.key_for("forged", provider, kNow + 2);
  EXPECT_TRUE(unknown.jwk.is_null());
  EXPECT_FALSE(unknown.unavailable);
  EXPECT_EQ(provider.fetches, 1);
  // The provider rotated: a new kid is found once the pause is over.
  provider.keys.push_back(make_key("k2").jwk);
  EXPECT_TRUE(keys.key_for("k2", provider, kNow + 31).jwk.is_object());
  EXPECT_EQ(provider.fetches, 2);
  // Down: a cached key still works, an unknown one says unavailable.
  provider.up = false;
  EXPECT_TRUE(keys.key_for("k1", provider, kNow + 100).jwk.is_object());
  EXPECT_TRUE(keys.key_for("k3", provider, kNow + 100).unavailable);
}

TEST(UpstreamIdClaims, OnlyForTheScopeAndAVerifiedIdentity) {
  store::Person p;
  p.id_type = "resident";
  p.id_number = "110105199005170011";
  p.level = 2;
  nlohmann::json claims = nlohmann::json::object();
  oidc::add_id_claims(p, {"openid"}, claims);
  EXPECT_TRUE(claims.empty());
  oidc::add_id_claims(p, {"openid", "uia_id"}, claims);
  EXPECT_EQ(claims["id_number"], p.id_number);
  EXPECT_EQ(claims["id_type"], "resident");
  p.level = 1;  // registered, identity never checked
  claims = nlohmann::json::object();
  oidc::add_id_claims(p, {"openid", "uia_id"}, claims);
  EXPECT_TRUE(claims.empty());
}

}  // namespace
}  // namespace uia::flows::upstream
