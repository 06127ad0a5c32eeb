// Sign-in through an upstream identity provider, end to end: a SECOND in-process UIA (its own
// database, its own listening port, the same manual clock) plays the national platform. Our
// instance is registered there as a client allowed the "uia_id" scope; the same person
// (same ID number) is registered and verified on both. The browser is the test: it follows
// our /login to the upstream's /oidc/authorize with its upstream session cookie, consents,
// and brings the code back to our callback, which must sign the right local person in.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "crypto/keys.h"
#include "rest_oidc_support.h"
#include "store/database.h"

namespace uia::rest {
namespace {

constexpr const char* kCallback = "http://127.0.0.1/api/v1/upstream/national/callback";

class RestUpstream : public RestOidcTest {
 protected:
  // Points the fixture's helpers (request, admin_add, ...) at the upstream instance for a scope.
  class AtUpstream {
   public:
    explicit AtUpstream(RestUpstream& t) : t_(t), port_(t.port_), db_(t.db_url_), host_(t.host_) {
      t.port_ = t.up_port_;
      t.db_url_ = t.up_db_;
      // As a browser would: the upstream's origin has its port, so its issuer (dev mode: from
      // the Host header) is the same in the authorization response's iss and in its ID tokens.
      t.host_ = "127.0.0.1:" + std::to_string(t.up_port_);
    }
    ~AtUpstream() {
      t_.port_ = port_;
      t_.db_url_ = db_;
      t_.host_ = host_;
    }

   private:
    RestUpstream& t_;
    int port_;
    std::string db_;
    std::string host_;
  };

  void configure(app::PlatformConfig& config) override {
    start_upstream();
    {
      AtUpstream at(*this);
      up_admin_ = signed_in_staff("upadmin", "admin");
      const Reply registered = post("/api/v1/admin/clients", {{"name", "省统一身份认证平台"},
                                                              {"redirect_uris", {kCallback}},
                                                              {"scopes", {"openid", "profile", "uia_id"}}},
                                    up_admin_);
      EXPECT_EQ(registered.status, 201) << registered.body;
      up_client_id_ = registered.json.value("client_id", "");
      up_client_secret_ = registered.json.value("client_secret", "");
    }
    // A port that accepts connections (the kernel's backlog) but never answers: a hung provider.
    hung_socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    EXPECT_EQ(::bind(hung_socket_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(::listen(hung_socket_, 16), 0);
    socklen_t length = sizeof address;
    ::getsockname(hung_socket_, reinterpret_cast<sockaddr*>(&address), &length);
    const int hung_port = ntohs(address.sin_port);

    const std::string up = "http://127.0.0.1:" + std::to_string(up_port_);
    const auto provider = [&](const std::string& name, const std::string& base, long timeout_ms) {
      return nlohmann::json{{"name", name},
                            {"display_name", "国家政务服务平台"},
                            {"issuer", up},
                            {"authorization_endpoint", up + "/oidc/authorize"},
                            {"token_endpoint", base + "/oidc/token"},
                            {"jwks_uri", base + "/oidc/jwks"},
                            {"userinfo_endpoint", base + "/oidc/userinfo"},
                            {"client_id", up_client_id_},
                            {"client_secret", up_client_secret_},
                            {"scope", "openid uia_id"},
                            {"redirect_uri", "http://127.0.0.1/api/v1/upstream/" + name + "/callback"},
                            {"timeout_ms", timeout_ms},
                            {"connect_timeout_ms", 500}};
    };
    // The national platform is a UIA: its discovery advertises RFC 9207's iss parameter.
    nlohmann::json national = provider("national", up, 5000);
    national["authorization_response_iss_parameter_supported"] = true;
    nlohmann::json file = {
        {"upstream",
         {{"providers",
           {national,
            provider("down", "http://127.0.0.1:9", 1000),  // nothing listens on the discard port
            provider("hung", "http://127.0.0.1:" + std::to_string(hung_port), 400)}}}}};
    std::ofstream(dir_ / "uia.json") << file.dump(2);
    config.config_file = dir_ / "uia.json";
  }

  void start_upstream() {
    up_dir_ = dir_ / "upstream";
    std::filesystem::create_directories(up_dir_);
    std::string error;
    ASSERT_TRUE(crypto::write_key_file(up_dir_ / "uia.keys", crypto::generate_keys(crypto::CipherSuite::Aes256Gcm), error))
        << error;
    up_db_ = "sqlite:" + (up_dir_ / "uia.db").string();
    if (!mysql_admin_.empty()) {
      const std::string name = db_url_.substr(db_url_.rfind('/') + 1) + "_up";
      admin_session()->once << "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
      up_db_ = mysql_admin_.substr(0, mysql_admin_.rfind('/') + 1) + name;
    }
    app::PlatformConfig config;
    config.dev = true;
    config.db = up_db_;
    config.keys_file = up_dir_ / "uia.keys";
    config.web_root = up_dir_ / "web";
    config.workers = 2;
    up_platform_ = app::build_platform(config, clock_);
    up_server_ = serve_on_loopback(*up_platform_);
    up_port_ = up_server_->port();
  }

  std::unique_ptr<soci::session> admin_session() const {
    store::DatabaseUrl parsed;
    std::string error;
    if (!store::parse_database_url(mysql_admin_, parsed, error)) throw std::runtime_error(error);
    return std::make_unique<soci::session>(*soci::factory_mysql(), parsed.connect);
  }

  void TearDown() override {
    if (up_server_) up_server_->stop();
    up_server_.reset();
    up_platform_.reset();
    if (hung_socket_ >= 0) ::close(hung_socket_);
    if (!mysql_admin_.empty() && !up_db_.empty() && up_db_.rfind("mysql", 0) == 0)
      admin_session()->once << "DROP DATABASE IF EXISTS " + up_db_.substr(up_db_.rfind('/') + 1);
    RestOidcTest::TearDown();
  }

  // Registers `a` on the instance the helpers point at and passes the face check (level 3).
  void register_verified(const Applicant& a) {
    const Reply registered = register_person(a);
    ASSERT_EQ(registered.status, 201) << registered.body;
    const Reply face = complete_face(registered.json.value("face_ticket", "none"), "pass");
    ASSERT_EQ(face.status, 200) << face.body;
  }
  // The same person on both platforms; returns our person_id.
  long long person_on_both(const Applicant& a) {
    register_verified(a);
    {
      AtUpstream at(*this);
      register_verified(a);
    }
    const Reply signed_in = login(a.account, a.password);
    EXPECT_EQ(signed_in.status, 201) << signed_in.body;
    return signed_in.json.is_object() ? signed_in.json["subject"].value("person_id", 0LL) : 0;
  }
  Browser upstream_browser(const Applicant& a) {
    AtUpstream at(*this);
    return signed_in_browser(a);
  }

  // Our /login: the upstream authorize URL it redirects to. The browser keeps the
  // uia_upstream cookie it sets (browser_cookie_), which callback() sends back.
  std::string start_login(const std::string& provider = "national", const std::string& query = "") {
    const Reply started = get("/api/v1/upstream/" + provider + "/login" + query);
    EXPECT_EQ(started.status, 302) << started.body;
    browser_cookie_ = cookie_value(started, "uia_upstream");
    EXPECT_FALSE(browser_cookie_.empty()) << started.header("set-cookie");
    return started.header("location");
  }
  // A GET to our callback from a browser holding `cookie` as its uia_upstream cookie.
  Reply at_callback(const std::string& path, const std::string& cookie) {
    return request("GET", path, "", {}, cookie.empty() ? "" : "Cookie: uia_upstream=" + cookie + "\r\n");
  }
  Reply at_callback(const std::string& path) { return at_callback(path, browser_cookie_); }
  // The value a Set-Cookie line gives `name` ("" when none does).
  static std::string cookie_value(const Reply& reply, const std::string& name) {
    return cookie_line(reply, name).empty() ? "" : cookie_line(reply, name).substr(name.size() + 1, cookie_line(reply, name).find(';') - name.size() - 1);
  }
  static std::string cookie_line(const Reply& reply, const std::string& name) {
    std::istringstream lines(reply.header("set-cookie"));
    for (std::string line; std::getline(lines, line);)
      if (line.rfind(name + "=", 0) == 0) return line;
    return "";
  }
  // The browser at the upstream: authorize (consenting when asked); the redirect back to us.
  std::string authorize_upstream(const std::string& authorize_url, const Browser& browser) {
    const std::string origin = "http://127.0.0.1:" + std::to_string(up_port_);
    EXPECT_EQ(authorize_url.rfind(origin + "/oidc/authorize?", 0), 0u) << authorize_url;
    AtUpstream at(*this);
    const Reply authorized = get(authorize_url.substr(origin.size()), browser.cookie);
    EXPECT_EQ(authorized.status, 302) << authorized.body;
    std::string location = authorized.header("location");
    if (location.rfind("/#/consent?oidc=", 0) == 0) {
      const Reply decided = post("/api/v1/oidc/requests/" + query_of(location)["oidc"] + "/decision", {{"approve", true}},
                                 browser.cookie);
      EXPECT_EQ(decided.status, 200) << decided.body;
      location = decided.json.value("redirect_to", "");
    }
    return location;
  }
  // Our callback for a redirect the upstream sent to http://127.0.0.1/api/v1/upstream/...
  Reply callback(const std::string& redirect, const std::string& cookie) {
    const std::string origin = "http://127.0.0.1";
    EXPECT_EQ(redirect.rfind(origin + "/api/v1/upstream/", 0), 0u) << redirect;
    return at_callback(redirect.substr(origin.size()), cookie);
  }
  Reply callback(const std::string& redirect) { return callback(redirect, browser_cookie_); }
  static std::string upstream_error(const Reply& reply) {
    const std::string location = reply.header("location");
    if (location.rfind("/#/login?", 0) != 0) return "(not the login page: " + location + ")";
    return query_of(location)["upstream_error"];
  }
  static std::string session_cookie(const Reply& reply) { return cookie_value(reply, "uia_session"); }
  long long person_of_session(const std::string& token) {
    const Reply me = get("/api/v1/me", Caller{"", token, ""});
    EXPECT_EQ(me.status, 200) << me.body;
    return me.json.is_object() ? me.json.value("person_id", 0LL) : 0;
  }
  Reply full_login(const Browser& browser, const std::string& provider = "national") {
    return callback(authorize_upstream(start_login(provider), browser));
  }

  std::filesystem::path up_dir_;
  std::string up_db_;
  std::unique_ptr<app::Platform> up_platform_;
  std::unique_ptr<http::HttpServer> up_server_;
  int up_port_ = 0;
  Caller up_admin_;
  std::string up_client_id_;
  std::string up_client_secret_;
  int hung_socket_ = -1;
  std::string browser_cookie_;  // our uia_upstream cookie from the last start_login
};

TEST_F(RestUpstream, ListsTheConfiguredProvidersForTheLoginPage) {
  const Reply reply = get("/api/v1/upstream/providers");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_EQ(reply.json["providers"].size(), 3u) << reply.body;
  EXPECT_EQ(reply.json["providers"][0]["name"], "national");
  EXPECT_EQ(reply.json["providers"][0]["display_name"], "国家政务服务平台");
  EXPECT_EQ(reply.json["providers"][0]["login_url"], "/api/v1/upstream/national/login");
  // The login page's texts for every upstream_error code.
  EXPECT_EQ(reply.json["error_messages"].value("ACCOUNT_NOT_LINKED", ""), "本平台尚无与该证件号码对应的账号，请先注册");
  EXPECT_EQ(reply.json["error_messages"].size(), 10u);
  EXPECT_EQ(reply.json["error_messages"].value("ACCOUNT_FROZEN", ""), "账号已被冻结，请联系客服处理");
  EXPECT_EQ(reply.json["error_messages"].value("UPSTREAM_ISSUER_MISMATCH", ""), "第三方平台的授权响应来源不符，请重新登录");
  // Nothing secret goes to the browser.
  EXPECT_EQ(reply.body.find(up_client_secret_), std::string::npos);
}

TEST_F(RestUpstream, LoginRedirectsToTheUpstreamWithStateNonceAndPkce) {
  const std::string location = start_login();
  auto params = query_of(location);
  EXPECT_EQ(params["response_type"], "code");
  EXPECT_EQ(params["client_id"], up_client_id_);
  EXPECT_EQ(params["redirect_uri"], kCallback);
  EXPECT_EQ(params["scope"], "openid uia_id");
  EXPECT_EQ(params["code_challenge_method"], "S256");
  EXPECT_EQ(params["code_challenge"].size(), 43u);
  EXPECT_GE(params["state"].size(), 32u);
  EXPECT_GE(params["nonce"].size(), 32u);
  // Only the state's hash is stored.
  EXPECT_EQ(count_rows("upstream_login_states"), 1);
  EXPECT_EQ(count_rows("upstream_login_states", "state_hash = '" + params["state"] + "'"), 0);
  // A second login gets a fresh state.
  EXPECT_NE(query_of(start_login())["state"], params["state"]);
}

TEST_F(RestUpstream, SignsInTheLocalPersonWithTheSameVerifiedIdNumberThenUsesTheLink) {
  const Applicant a = adult_resident();
  const long long local_id = person_on_both(a);
  ASSERT_GT(local_id, 0);
  const Browser browser = upstream_browser(a);

  const Reply done = full_login(browser);
  ASSERT_EQ(done.status, 302) << done.body;
  EXPECT_EQ(done.header("location"), "/#/centre");
  const std::string token = session_cookie(done);
  ASSERT_FALSE(token.empty()) << done.header("set-cookie");
  EXPECT_NE(done.header("set-cookie").find("HttpOnly"), std::string::npos) << done.header("set-cookie");
  EXPECT_EQ(person_of_session(token), local_id);
  EXPECT_EQ(count_rows("upstream_links", "provider = 'national' AND person_id = " + std::to_string(local_id)), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'session.login' AND result = 'ok' AND detail = 'upstream:national' AND actor = 'person:" +
                                        std::to_string(local_id) + "'"),
            1);
  EXPECT_EQ(count_rows("audit_log", "action = 'upstream.link' AND actor = 'person:" + std::to_string(local_id) + "'"), 1);

  // The link, not the ID number, finds the person the second time: break the number's index.
  open_database()->once << "UPDATE persons SET id_number_index = 'moved' WHERE id = " + std::to_string(local_id);
  const Reply again = full_login(browser);
  ASSERT_EQ(again.status, 302) << again.body;
  EXPECT_EQ(again.header("location"), "/#/centre") << upstream_error(again);
  EXPECT_EQ(person_of_session(session_cookie(again)), local_id);
  EXPECT_EQ(count_rows("upstream_links"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'upstream.link'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'session.login' AND detail = 'upstream:national'"), 2);
}

TEST_F(RestUpstream, ARepliedOrTamperedStateIsRefused) {
  const Applicant a = adult_resident();
  person_on_both(a);
  const Browser browser = upstream_browser(a);
  const std::string redirect = authorize_upstream(start_login(), browser);
  auto params = query_of(redirect);
  ASSERT_FALSE(params["code"].empty()) << redirect;

  // Tampered: one character of the state changed.
  std::string tampered = params["state"];
  tampered[0] = tampered[0] == 'A' ? 'B' : 'A';
  const Reply bad = at_callback(flows::oidc::with_params("/api/v1/upstream/national/callback",
                                                 {{"code", params["code"]}, {"state", tampered}}));
  EXPECT_EQ(bad.status, 302);
  EXPECT_EQ(upstream_error(bad), "UPSTREAM_STATE_INVALID");
  EXPECT_TRUE(session_cookie(bad).empty());
  // No state at all.
  EXPECT_EQ(upstream_error(get("/api/v1/upstream/national/callback?code=x")), "UPSTREAM_STATE_INVALID");

  const Reply first = callback(redirect);
  EXPECT_EQ(first.header("location"), "/#/centre") << upstream_error(first);
  // Replayed: the state was spent.
  const Reply replay = callback(redirect);
  EXPECT_EQ(replay.status, 302);
  EXPECT_EQ(upstream_error(replay), "UPSTREAM_STATE_INVALID");
  EXPECT_TRUE(session_cookie(replay).empty());
  // A state is good for one provider only, and for ten minutes.
  const std::string other = authorize_upstream(start_login(), browser);
  const auto other_params = query_of(other);
  EXPECT_EQ(upstream_error(at_callback(flows::oidc::with_params("/api/v1/upstream/down/callback", {{"code", "x"}, {"state", other_params.at("state")}}))),
            "UPSTREAM_STATE_INVALID");
  const std::string late = authorize_upstream(start_login(), browser);
  advance(std::chrono::seconds(601));
  EXPECT_EQ(upstream_error(callback(late)), "UPSTREAM_STATE_INVALID");
  EXPECT_GE(count_rows("audit_log", "action = 'session.login' AND result = 'denied' AND detail LIKE 'upstream:national UPSTREAM_STATE_INVALID%'"), 4);
}

TEST_F(RestUpstream, APersonUnknownHereIsNotLinked) {
  const Applicant stranger = adult_resident();
  {
    AtUpstream at(*this);
    register_verified(stranger);
  }
  const Reply done = full_login(upstream_browser(stranger));
  EXPECT_EQ(done.status, 302) << done.body;
  EXPECT_EQ(upstream_error(done), "ACCOUNT_NOT_LINKED");
  EXPECT_TRUE(session_cookie(done).empty());
  EXPECT_EQ(count_rows("upstream_links"), 0);
  EXPECT_EQ(count_rows("audit_log", "result = 'denied' AND detail = 'upstream:national ACCOUNT_NOT_LINKED'"), 1);
}

TEST_F(RestUpstream, TheUpstreamRefusingOrDownIsARedirectWithACodeNeverA5xx) {
  // The person says no at the upstream: it redirects back with error=access_denied (and, as
  // every answer of a provider that advertises RFC 9207, its iss).
  const std::string up = "http://127.0.0.1:" + std::to_string(up_port_);
  const std::string location = start_login();
  const Reply denied = at_callback(flows::oidc::with_params("/api/v1/upstream/national/callback",
                                                    {{"error", "access_denied"}, {"state", query_of(location)["state"]}, {"iss", up}}));
  EXPECT_EQ(upstream_error(denied), "UPSTREAM_DENIED");
  // A code the upstream never issued: its token endpoint refuses.
  const Reply bad_code = at_callback(flows::oidc::with_params("/api/v1/upstream/national/callback",
                                                      {{"code", "not-a-code"}, {"state", query_of(start_login())["state"]}, {"iss", up}}));
  EXPECT_EQ(upstream_error(bad_code), "UPSTREAM_DENIED");

  // Nothing listens: refused at once.
  const Reply down = at_callback(flows::oidc::with_params("/api/v1/upstream/down/callback",
                                                  {{"code", "c"}, {"state", query_of(start_login("down"))["state"]}}));
  EXPECT_EQ(down.status, 302) << down.body;
  EXPECT_EQ(upstream_error(down), "UPSTREAM_UNAVAILABLE");
  // Accepts but never answers: the configured timeout (400 ms) ends the wait.
  const auto before = std::chrono::steady_clock::now();
  const Reply hung = at_callback(flows::oidc::with_params("/api/v1/upstream/hung/callback",
                                                  {{"code", "c"}, {"state", query_of(start_login("hung"))["state"]}}));
  const auto waited = std::chrono::steady_clock::now() - before;
  EXPECT_EQ(hung.status, 302) << hung.body;
  EXPECT_EQ(upstream_error(hung), "UPSTREAM_UNAVAILABLE");
  EXPECT_LT(waited, std::chrono::seconds(3));
  EXPECT_EQ(count_rows("audit_log", "result = 'denied' AND detail LIKE 'upstream:hung UPSTREAM_UNAVAILABLE%'"), 1);

  // An unknown provider.
  EXPECT_EQ(upstream_error(get("/api/v1/upstream/nowhere/login")), "UPSTREAM_PROVIDER_UNKNOWN");
  EXPECT_EQ(upstream_error(get("/api/v1/upstream/nowhere/callback?code=a&state=b")), "UPSTREAM_PROVIDER_UNKNOWN");
}

// The provider side: the ID number goes only to clients registered for "uia_id".
TEST_F(RestUpstream, TheIdScopeIsReleasedOnlyToClientsAllowedIt) {
  const Applicant a = adult_resident();
  register_verified(a);
  const Browser b = signed_in_browser(a);

  const Client plain = register_client();  // default scopes: openid profile phone
  const Reply refused = get(authorize_path(plain.id, {{"scope", "openid uia_id"}}), b.cookie);
  ASSERT_EQ(refused.status, 302) << refused.body;
  EXPECT_EQ(query_of(refused.header("location"))["error"], "invalid_scope");
  // Its tokens and userinfo never carry the number.
  const Reply plain_tokens = exchange(plain, code_for(b, plain.id));
  ASSERT_EQ(plain_tokens.status, 200) << plain_tokens.body;
  EXPECT_FALSE(verified_claims(plain_tokens.json.value("id_token", "")).contains("id_number"));
  EXPECT_FALSE(userinfo(plain_tokens.json.value("access_token", "")).json.contains("id_number"));

  const Client allowed = register_client({{"scopes", {"openid", "uia_id"}}});
  // Allowed but not asked for: not released either.
  const Reply unasked = exchange(allowed, code_for(b, allowed.id, {{"scope", "openid"}}));
  ASSERT_EQ(unasked.status, 200) << unasked.body;
  EXPECT_FALSE(verified_claims(unasked.json.value("id_token", "")).contains("id_number"));
  const Reply asked = exchange(allowed, code_for(b, allowed.id, {{"scope", "openid uia_id"}}));
  ASSERT_EQ(asked.status, 200) << asked.body;
  const auto claims = verified_claims(asked.json.value("id_token", ""));
  EXPECT_EQ(claims.value("id_number", ""), a.id_number);
  EXPECT_EQ(claims.value("id_type", ""), "resident");
  EXPECT_GE(claims.value("uia_level", 0), 2);
  const Reply info = userinfo(asked.json.value("access_token", ""));
  EXPECT_EQ(info.json.value("id_number", ""), a.id_number) << info.body;
  // The discovery document names the scope.
  const auto discovery = get("/.well-known/openid-configuration").json;
  EXPECT_NE(std::find(discovery["scopes_supported"].begin(), discovery["scopes_supported"].end(), "uia_id"),
            discovery["scopes_supported"].end());
}

// Login CSRF: a state is good only in the browser that started the login (its uia_upstream
// cookie), so nobody can have another person's browser finish a sign-in into their account.
TEST_F(RestUpstream, TheStateIsBoundToTheBrowserThatStartedTheLogin) {
  const Applicant a = adult_resident();
  const long long local_id = person_on_both(a);
  const Browser browser = upstream_browser(a);

  // The start sets a short-lived, HttpOnly, SameSite=Lax cookie for the upstream routes only
  // (dev mode: plain http on loopback, so not Secure), and stores only its hash.
  const Reply started = get("/api/v1/upstream/national/login");
  ASSERT_EQ(started.status, 302) << started.body;
  const std::string line = cookie_line(started, "uia_upstream");
  const std::string mine = cookie_value(started, "uia_upstream");
  EXPECT_GE(mine.size(), 32u) << line;
  EXPECT_NE(line.find("HttpOnly"), std::string::npos) << line;
  EXPECT_NE(line.find("SameSite=Lax"), std::string::npos) << line;
  EXPECT_NE(line.find("Path=/api/v1/upstream/"), std::string::npos) << line;
  EXPECT_NE(line.find("Max-Age=600"), std::string::npos) << line;
  EXPECT_EQ(line.find("Secure"), std::string::npos) << line;
  EXPECT_EQ(count_rows("upstream_login_states", "browser_hash = '" + crypto::token_hash(mine) + "'"), 1);
  EXPECT_EQ(count_rows("upstream_login_states", "browser_hash = '" + mine + "'"), 0);
  const std::string redirect = authorize_upstream(started.header("location"), browser);

  // The attacker's browser started a login of its own: its cookie does not fit this state.
  start_login();
  const std::string attackers = browser_cookie_;
  const Reply other = callback(redirect, attackers);
  EXPECT_EQ(other.status, 302) << other.body;
  EXPECT_EQ(upstream_error(other), "UPSTREAM_STATE_INVALID");
  EXPECT_TRUE(session_cookie(other).empty());
  // (The attacker's own sign-in is still under way: that browser keeps its cookie for it.)
  EXPECT_EQ(cookie_line(other, "uia_upstream"), "") << other.header("set-cookie");
  EXPECT_EQ(count_rows("audit_log", "result = 'denied' AND detail = 'upstream:national UPSTREAM_STATE_INVALID other browser'"), 1);

  // No cookie at all (the link was opened elsewhere): refused the same way.
  const Reply bare = callback(authorize_upstream(start_login(), browser), "");
  EXPECT_EQ(upstream_error(bare), "UPSTREAM_STATE_INVALID");
  EXPECT_TRUE(session_cookie(bare).empty());
  EXPECT_EQ(count_rows("audit_log", "result = 'denied' AND detail = 'upstream:national UPSTREAM_STATE_INVALID no browser cookie'"), 1);

  // The right browser signs in, and its cookie is cleared.
  const Reply done = callback(authorize_upstream(start_login(), browser));
  EXPECT_EQ(done.header("location"), "/#/centre") << upstream_error(done);
  EXPECT_EQ(person_of_session(session_cookie(done)), local_id);
  const std::string cleared = cookie_line(done, "uia_upstream");
  EXPECT_EQ(cleared.rfind("uia_upstream=;", 0), 0u) << done.header("set-cookie");
  EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos) << cleared;
}

// Two sign-ins started in one browser (two tabs) share its cookie, and both finish: the first
// to come back leaves the cookie for the other, the last clears it.
TEST_F(RestUpstream, TwoSignInsStartedInOneBrowserBothFinish) {
  const Applicant a = adult_resident();
  const long long local_id = person_on_both(a);
  const Browser browser = upstream_browser(a);
  const std::string first = start_login();
  const std::string cookie = browser_cookie_;
  const Reply again = request("GET", "/api/v1/upstream/national/login", "", {}, "Cookie: uia_upstream=" + cookie + "\r\n");
  ASSERT_EQ(again.status, 302) << again.body;
  EXPECT_EQ(cookie_value(again, "uia_upstream"), cookie) << "the browser's binding is reused";
  const std::string second = again.header("location");

  const Reply one = callback(authorize_upstream(first, browser), cookie);
  EXPECT_EQ(one.header("location"), "/#/centre") << upstream_error(one);
  EXPECT_EQ(cookie_line(one, "uia_upstream"), "") << "the other tab still needs it";
  const Reply two = callback(authorize_upstream(second, browser), cookie);
  EXPECT_EQ(two.header("location"), "/#/centre") << upstream_error(two);
  EXPECT_EQ(person_of_session(session_cookie(two)), local_id);
  EXPECT_NE(cookie_line(two, "uia_upstream").find("Max-Age=0"), std::string::npos) << two.header("set-cookie");

  // A cookie this server could not have set is not taken over.
  const Reply forged = request("GET", "/api/v1/upstream/national/login", "", {}, "Cookie: uia_upstream=short\r\n");
  EXPECT_NE(cookie_value(forged, "uia_upstream"), "short");
  EXPECT_EQ(cookie_value(forged, "uia_upstream").size(), 32u);
}

// Started from a business system's login page (/#/login?oidc=...), the sign-in comes back to
// that pending request; only a path on this site is accepted as where to come back to.
TEST_F(RestUpstream, ReturnsToASameOriginTargetOnly) {
  const Applicant a = adult_resident();
  person_on_both(a);
  const Browser browser = upstream_browser(a);
  const std::string target = "/#/consent?oidc=abcDEF_123-x";
  const Reply back = callback(authorize_upstream(start_login("national", "?return_to=" + flows::oidc::form_encode(target)), browser));
  EXPECT_EQ(back.header("location"), target) << upstream_error(back);
  EXPECT_FALSE(session_cookie(back).empty());

  for (const std::string& bad : std::vector<std::string>{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                                "/ok path", "centre", "/" + std::string(600, 'a')}) {
    const Reply elsewhere =
        callback(authorize_upstream(start_login("national", "?return_to=" + flows::oidc::form_encode(bad)), browser));
    EXPECT_EQ(elsewhere.header("location"), "/#/centre") << bad;
  }
  EXPECT_EQ(count_rows("upstream_login_states", "return_to LIKE '%evil%'"), 0);
}

// A refusal (here: nobody with that ID number) while a business system waits goes back to that
// request's login page, so the person can still sign in another way and continue.
TEST_F(RestUpstream, AFailureKeepsTheBusinessSystemsRequest) {
  const Applicant stranger = adult_resident();
  {
    AtUpstream at(*this);
    register_verified(stranger);
  }
  const std::string target = "/#/consent?oidc=abcDEF_123-x";
  const Reply refused =
      callback(authorize_upstream(start_login("national", "?return_to=" + flows::oidc::form_encode(target)), upstream_browser(stranger)));
  EXPECT_EQ(refused.header("location"), "/#/login?oidc=abcDEF_123-x&upstream_error=ACCOUNT_NOT_LINKED");
  EXPECT_TRUE(session_cookie(refused).empty());
  // Any other target is no business system's request: the plain login page.
  const Reply plain = callback(authorize_upstream(start_login("national", "?return_to=" + flows::oidc::form_encode("/#/centre")),
                                                  upstream_browser(stranger)));
  EXPECT_EQ(plain.header("location"), "/#/login?upstream_error=ACCOUNT_NOT_LINKED");
}

// RFC 9207: the national platform advertises `iss` in its authorization responses; an answer
// naming another issuer (or none) is a mix-up and is refused before the code is used.
TEST_F(RestUpstream, TheAuthorizationResponseMustNameTheUpstreamIssuer) {
  const Applicant a = adult_resident();
  person_on_both(a);
  const Browser browser = upstream_browser(a);
  const std::string up = "http://127.0.0.1:" + std::to_string(up_port_);

  std::string redirect = authorize_upstream(start_login(), browser);
  auto params = query_of(redirect);
  EXPECT_EQ(params["iss"], up) << redirect;
  const Reply tampered = at_callback(flows::oidc::with_params(
      "/api/v1/upstream/national/callback", {{"code", params["code"]}, {"state", params["state"]}, {"iss", "https://evil.example"}}));
  EXPECT_EQ(tampered.status, 302) << tampered.body;
  EXPECT_EQ(upstream_error(tampered), "UPSTREAM_ISSUER_MISMATCH");
  EXPECT_TRUE(session_cookie(tampered).empty());
  EXPECT_EQ(count_rows("audit_log", "result = 'denied' AND detail = 'upstream:national UPSTREAM_ISSUER_MISMATCH iss https://evil.example'"), 1);
  // The state was spent with the refusal: the genuine answer cannot follow it.
  EXPECT_EQ(upstream_error(callback(redirect)), "UPSTREAM_STATE_INVALID");

  // Advertised but missing.
  redirect = authorize_upstream(start_login(), browser);
  params = query_of(redirect);
  const Reply missing = at_callback(flows::oidc::with_params("/api/v1/upstream/national/callback",
                                                             {{"code", params["code"]}, {"state", params["state"]}}));
  EXPECT_EQ(upstream_error(missing), "UPSTREAM_ISSUER_MISMATCH");
  EXPECT_EQ(count_rows("audit_log", "result = 'denied' AND detail = 'upstream:national UPSTREAM_ISSUER_MISMATCH no iss'"), 1);

  // The genuine answer, iss and all, signs in.
  const Reply done = callback(authorize_upstream(start_login(), browser));
  EXPECT_EQ(done.header("location"), "/#/centre") << upstream_error(done);
  EXPECT_FALSE(session_cookie(done).empty());
}

}  // namespace
}  // namespace uia::rest
