// Production mode: no keys or no real adapters means no start; the simulators cannot be
// chosen; the /api/dev/* routes do not exist; the session cookie is Secure.
#include <stdlib.h>

#include <fstream>

#include <soci/soci.h>

#include "crypto/keys.h"
#include "store/person_repository.h"
#include "http_test_client.h"
#include "rest_test_support.h"

namespace uia::rest {
namespace {
namespace fs = std::filesystem;

// A TCP port on 127.0.0.1 that nothing listens on (bound, read, released).
int unused_port() {
  auto router = std::make_shared<http::Router>();
  http::HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  http::HttpServer probe(options, router);
  probe.start();
  const int port = probe.port();
  probe.stop();
  return port;
}

class RestProductionMode : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir("uia-prod");
    // The environment must not smuggle a key file in.
    if (const char* env = std::getenv("UIA_KEYS_FILE")) saved_keys_env_ = env;
    ::unsetenv("UIA_KEYS_FILE");
    config_.dev = false;
    config_.db = "sqlite:" + (dir_ / "uia.db").string();
    config_.web_root = dir_ / "web";
    config_.workers = 2;
  }
  void TearDown() override {
    if (server_) server_->stop();
    server_.reset();
    platform_.reset();
    if (saved_keys_env_) ::setenv("UIA_KEYS_FILE", saved_keys_env_->c_str(), 1);
    fs::remove_all(dir_);
  }

  fs::path write_keys() {
    const fs::path keys = dir_ / "uia.keys";
    std::string error;
    EXPECT_TRUE(crypto::write_key_file(keys, crypto::generate_keys(crypto::CipherSuite::Aes256Gcm), error)) << error;
    return keys;
  }
  fs::path write_config(const nlohmann::json& config) {
    const fs::path file = dir_ / "uia.json";
    std::ofstream(file) << config.dump(2);
    return file;
  }
  // Real adapters pointed at a loopback port nobody listens on: valid configuration, never called.
  static nlohmann::json real_ports() {
    const std::string base = "http://127.0.0.1:" + std::to_string(unused_port());
    return {{"sms", {{"adapter", "http"}, {"endpoint", base + "/sms"}, {"app_id", "uia"}, {"app_secret", "s3cret-sms"},
                     {"sign_name", "【统一身份认证】"}, {"template_id", "SMS_001"}}},
            {"identity", {{"adapter", "http"}, {"endpoint", base + "/identity"}, {"app_id", "uia"},
                          {"app_secret", "s3cret-id"}}},
            {"face", {{"adapter", "http"}, {"endpoint", base + "/face"}, {"app_id", "uia"},
                      {"app_secret", "s3cret-face"}, {"callback_url", "https://uia.example.gov.cn/api/v1/face/callback"}}}};
  }
  // Builds the production platform and serves it; false when build_platform refused.
  void serve() {
    platform_ = app::build_platform(config_, std::make_shared<ManualClock>(kStart));
    server_ = serve_on_loopback(*platform_);
    port_ = server_->port();
  }
  nlohmann::json json_of(const testing::RawResponse& response) {
    return nlohmann::json::parse(response.body, nullptr, false);
  }
  std::string build_error() {
    try {
      app::build_platform(config_, std::make_shared<ManualClock>(kStart));
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }

  fs::path dir_;
  std::optional<std::string> saved_keys_env_;
  app::PlatformConfig config_;
  std::unique_ptr<app::Platform> platform_;
  std::unique_ptr<http::HttpServer> server_;
  int port_ = 0;
};

TEST_F(RestProductionMode, RefusesToStartWithoutAKeyFile) {
  config_.config_file = write_config({{"ports", real_ports()}});
  const std::string error = build_error();
  EXPECT_NE(error.find("key file"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(dir_ / "uia.db.keys"));  // production never invents keys
}

TEST_F(RestProductionMode, RefusesToStartWithoutRealAdapters) {
  config_.keys_file = write_keys();
  const std::string error = build_error();
  EXPECT_NE(error.find("ports."), std::string::npos) << error;
}

TEST_F(RestProductionMode, RefusesTheSimulators) {
  config_.keys_file = write_keys();
  nlohmann::json ports = real_ports();
  ports["identity"] = {{"adapter", "simulator"}};
  config_.config_file = write_config({{"ports", ports}});
  const std::string error = build_error();
  EXPECT_NE(error.find("simulator"), std::string::npos) << error;
}

TEST_F(RestProductionMode, RefusesWeakArgon2Settings) {
  config_.keys_file = write_keys();
  config_.config_file = write_config({{"ports", real_ports()}, {"argon2", {{"t", 1}, {"m_kib", 8192}}}});
  const std::string error = build_error();
  EXPECT_NE(error.find("argon2"), std::string::npos) << error;
}

TEST_F(RestProductionMode, DevRoutesDoNotExist) {
  config_.keys_file = write_keys();
  config_.config_file = write_config({{"ports", real_ports()}});
  // A web client is present, so a missing API route cannot be mistaken for a page.
  fs::create_directories(config_.web_root);
  std::ofstream(config_.web_root / "index.html") << "<!doctype html><title>统一身份认证平台</title>";
  ASSERT_NO_THROW(serve());

  const auto health = testing::http_get(port_, "/healthz");
  EXPECT_EQ(json_of(health).value("mode", ""), "production");

  const auto issued = testing::http_get(port_, "/api/v1/captcha");
  ASSERT_EQ(issued.status, 200);
  const std::string captcha_id = json_of(issued).value("captcha_id", "");
  for (const std::string& path : std::vector<std::string>{"/api/dev/captcha/" + captcha_id, "/api/dev/sms?phone=15012340058",
                                                           "/api/dev/face/anything", "/api/dev/mail?to=a@example.com"}) {
    const auto response = testing::http_get(port_, path);
    EXPECT_EQ(response.status, 404) << path << " " << response.body;
    EXPECT_EQ(json_of(response)["error"].value("code", ""), "NOT_FOUND") << path;
  }
  const auto face = testing::http_post_json(port_, "/api/dev/face/anything", R"({"result":"pass"})");
  EXPECT_EQ(face.status, 404) << face.body;
  EXPECT_EQ(json_of(face)["error"].value("code", ""), "NOT_FOUND");
}

// Production has no dev routes to read a captcha or an SMS code, so the test stores a person and
// a captcha with a known answer straight through the platform's own services, then signs in
// over HTTP like any client.
TEST_F(RestProductionMode, SessionCookieIsSecure) {
  config_.keys_file = write_keys();
  config_.config_file = write_config({{"ports", real_ports()}});
  ASSERT_NO_THROW(serve());
  app::Services& services = platform_->services;
  store::Person person;
  person.account = "prodtester1";
  person.name = "陈明";
  person.id_type = "resident";
  person.id_number = make_resident_id({1990, 5, 17});
  person.phone = unique_phone();
  person.password_hash = services.passwords->hash("Uia#2026pass");
  person.status = store::PersonStatus::Active;
  person.level = 2;
  const std::string captcha_id = "prodcaptcha00001";
  const std::string answer_hash = (*services.blind_index)("captcha", captcha_id + ":ABCD");
  const long long expires_at = services.now_seconds() + 120;
  services.db->with_session([&](soci::session& sql) {
    store::PersonRepository(*services.cipher, *services.blind_index).insert(sql, person);
    sql << "INSERT INTO captchas (id, answer_hash, expires_at) VALUES (:i, :h, :e)", soci::use(captcha_id),
        soci::use(answer_hash), soci::use(expires_at);
  });
  const nlohmann::json body = {{"method", "password"}, {"identifier", "prodtester1"}, {"password", "Uia#2026pass"},
                               {"captcha_id", captcha_id}, {"captcha_answer", "ABCD"}};
  const auto signed_in = testing::http_post_json(port_, "/api/v1/sessions", body.dump());
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string cookie = signed_in.headers.count("set-cookie") ? signed_in.headers.at("set-cookie") : "";
  // "__Host-": the browser holds it to Secure, Path=/ and this host (no sibling subdomain can set it).
  EXPECT_EQ(cookie.rfind("__Host-uia_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("Path=/;"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  // The prefixed cookie is the session: /me answers with it alone.
  const std::string token = cookie.substr(19, cookie.find(';') - 19);
  const auto me = testing::send_raw(port_, "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: __Host-uia_session=" +
                                               token + "\r\n\r\n");
  EXPECT_EQ(me.status, 200) << me.body;
}

// The cookie binding an upstream sign-in to its browser is Secure in production too.
TEST_F(RestProductionMode, UpstreamBrowserCookieIsSecure) {
  config_.keys_file = write_keys();
  const std::string up = "https://national.example.gov.cn";
  config_.config_file = write_config(
      {{"ports", real_ports()},
       {"upstream",
        {{"providers",
          {{{"name", "national"}, {"display_name", "国家政务服务平台"}, {"issuer", up},
            {"authorization_endpoint", up + "/authorize"}, {"token_endpoint", up + "/token"}, {"jwks_uri", up + "/jwks"},
            {"client_id", "uia"}, {"client_secret", "s3cret"},
            {"redirect_uri", "https://uia.example.gov.cn/api/v1/upstream/national/callback"}}}}}}});
  ASSERT_NO_THROW(serve());
  const auto started = testing::http_get(port_, "/api/v1/upstream/national/login");
  ASSERT_EQ(started.status, 302) << started.body;
  EXPECT_EQ(started.headers.at("location").rfind(up + "/authorize?", 0), 0u);
  const std::string cookie = started.headers.count("set-cookie") ? started.headers.at("set-cookie") : "";
  // On its own path, so "__Secure-" (a "__Host-" cookie must have Path=/).
  EXPECT_EQ(cookie.rfind("__Secure-uia_upstream=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
}

}  // namespace
}  // namespace uia::rest
