// Helpers for the OpenID Connect provider's REST tests: a back-office admin registering
// clients, a browser (the uia_session cookie + CSRF token of a signed-in person), PKCE pairs,
// the authorization step as a browser follows it (authorize → consent page → decision →
// redirect with the code), the token endpoint with HTTP Basic, and ID token checks against the
// published JWKS.
#pragma once
#include "crypto/jose.h"
#include "crypto/pkce.h"
#include "crypto/tokens.h"
#include "flows/oidc/oauth_http.h"
#include "ports/random.h"
#include "rest_staff_support.h"

namespace uia::rest {

class RestOidcTest : public RestStaffTest {
 protected:
  static constexpr const char* kRedirect = "http://127.0.0.1:9/cb";

  void SetUp() override {
    RestStaffTest::SetUp();
    admin_ = signed_in_staff("oidcadmin", "admin");
  }

  struct Client {
    std::string id;
    std::string secret;
    nlohmann::json json;
  };
  Client register_client(nlohmann::json overrides = nlohmann::json::object()) {
    nlohmann::json body = {{"name", "社保业务系统"}, {"redirect_uris", {kRedirect}}};
    for (auto& [k, v] : overrides.items()) body[k] = v;
    const Reply reply = post("/api/v1/admin/clients", body, admin_);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return {reply.json.value("client_id", ""), reply.json.value("client_secret", ""), reply.json};
  }

  struct Browser {
    Applicant applicant;
    Caller cookie;  // uia_session cookie + X-CSRF-Token
    long long person_id = 0;
  };
  Browser signed_in_browser(const Applicant& applicant) {
    Browser b;
    b.applicant = applicant;
    const Reply signed_in = login(applicant.account, applicant.password);
    EXPECT_EQ(signed_in.status, 201) << signed_in.body;
    b.cookie = cookie_of(signed_in, true);
    b.person_id = signed_in.json.is_object() ? signed_in.json["subject"].value("person_id", 0LL) : 0;
    return b;
  }
  Browser signed_in_adult() { return signed_in_browser(active_adult()); }

  struct Pkce {
    std::string verifier;
    std::string challenge;
  };
  static Pkce pkce() {
    Pkce p;
    p.verifier = crypto::random_token(ports::SystemRandom::instance(), 40);
    p.challenge = crypto::pkce_s256(p.verifier);
    return p;
  }

  using Params = std::vector<std::pair<std::string, std::string>>;
  static std::string authorize_path(const std::string& client_id, const Params& extra, const std::string& redirect = kRedirect) {
    Params params = {{"client_id", client_id}, {"redirect_uri", redirect}, {"response_type", "code"},
                     {"scope", "openid profile phone"}, {"state", "st-1"}, {"nonce", "n-1"}};
    for (const auto& [k, v] : extra) {
      bool replaced = false;
      for (auto& p : params)
        if (p.first == k) p.second = v, replaced = true;
      if (!replaced) params.emplace_back(k, v);
    }
    Params kept;
    for (const auto& p : params)
      if (p.second != "<omit>") kept.push_back(p);
    return flows::oidc::with_params("/oidc/authorize", kept);
  }
  // The query parameters of a URL (after '?'; a "/#/login?oidc=..." location too).
  static std::map<std::string, std::string> query_of(const std::string& url) {
    const auto q = url.find('?');
    if (q == std::string::npos) return {};
    return flows::oidc::parse_form(url.substr(q + 1)).value_or(std::map<std::string, std::string>{});
  }

  // Authorize as the browser; consents on the consent page when asked. The code ("" and a test
  // failure when the flow did not end at the client's redirect URI with one).
  std::string code_for(const Browser& b, const std::string& client_id, const Params& extra = {}) {
    const Reply started = get(authorize_path(client_id, extra), b.cookie);
    EXPECT_EQ(started.status, 302) << started.body;
    std::string location = started.header("location");
    if (location.rfind("/#/consent?oidc=", 0) == 0) {
      const std::string id = query_of(location)["oidc"];
      const Reply decided = post("/api/v1/oidc/requests/" + id + "/decision", {{"approve", true}}, b.cookie);
      EXPECT_EQ(decided.status, 200) << decided.body;
      location = decided.json.value("redirect_to", "");
    }
    EXPECT_EQ(location.rfind(std::string(kRedirect) + "?", 0), 0u) << location;
    auto params = query_of(location);
    EXPECT_EQ(params["state"], "st-1") << location;
    EXPECT_EQ(params["iss"], "http://127.0.0.1") << location;
    return params["code"];
  }

  static std::string basic(const std::string& id, const std::string& secret) {
    std::string b64 = crypto::base64url_encode(flows::oidc::form_encode(id) + ":" + flows::oidc::form_encode(secret));
    for (char& c : b64) c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (b64.size() % 4) b64 += '=';
    return "Authorization: Basic " + b64 + "\r\n";
  }
  static std::string form(const Params& params) { return flows::oidc::with_params("", params).substr(1); }
  Reply oauth_post(const std::string& path, const Params& params, const Client& client) {
    return request("POST", path, form(params), {}, client.secret.empty() ? "" : basic(client.id, client.secret));
  }
  Reply exchange(const Client& client, const std::string& code, const std::string& verifier = "") {
    Params params = {{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", kRedirect}};
    if (!verifier.empty()) params.emplace_back("code_verifier", verifier);
    if (client.secret.empty()) params.emplace_back("client_id", client.id);
    return oauth_post("/oidc/token", params, client);
  }
  Reply refresh(const Client& client, const std::string& refresh_token) {
    Params params = {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}};
    if (client.secret.empty()) params.emplace_back("client_id", client.id);
    return oauth_post("/oidc/token", params, client);
  }
  Reply userinfo(const std::string& access_token) { return get("/oidc/userinfo", Caller{access_token, "", ""}); }

  // The ID token's claims once its signature checks out against the published JWKS (null json otherwise).
  nlohmann::json verified_claims(const std::string& id_token) {
    const Reply keys = get("/oidc/jwks");
    EXPECT_EQ(keys.status, 200) << keys.body;
    const auto header = crypto::jws_peek_header(id_token);
    if (!header.is_object()) return nullptr;
    for (const auto& jwk : keys.json["keys"]) {
      if (jwk.value("kid", "") != header.value("kid", "")) continue;
      const auto verified = crypto::jws_verify(id_token, jwk);
      return verified ? verified->payload : nlohmann::json();
    }
    return nullptr;
  }
  // What the back-channel logout simulator recorded (GET /api/dev/oidc/backchannel-logouts).
  nlohmann::json backchannel_calls() {
    const Reply reply = get("/api/dev/oidc/backchannel-logouts");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json.is_object() ? reply.json["calls"] : nlohmann::json::array();
  }
  void expect_oauth_error(const Reply& reply, int status, const std::string& error) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.json.value("error", ""), error) << reply.body;
  }

  Caller admin_;
};

}  // namespace uia::rest
