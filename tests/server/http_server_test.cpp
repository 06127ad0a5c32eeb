// The HTTP front door end to end, in-process on an ephemeral loopback port.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/validate.h"
#include "app/platform.h"
#include "http/http_server.h"
#include "http/static_files.h"
#include "http_test_client.h"

namespace uia {
namespace {
namespace fs = std::filesystem;
using testing::http_get;
using testing::http_post_json;
using testing::send_raw;

// 2026-11-25 12:00 UTC.
const auto kNoon = std::chrono::system_clock::time_point(std::chrono::seconds(1795608000));

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    web_root_ = fs::temp_directory_path() / ("uia-web-" + std::to_string(::getpid()));
    fs::create_directories(web_root_);
    std::ofstream(web_root_ / "index.html") << "<!doctype html><title>统一身份认证平台</title>" << std::string(4000, ' ');
    std::ofstream(web_root_ / "uia.wasm", std::ios::binary) << std::string("\0asm", 4);
    std::ofstream(web_root_ / "uia-font.ttf", std::ios::binary) << std::string(2000, 'f');
    std::ofstream(web_root_ / "cmake_install.cmake") << "build leftovers";
    app::PlatformConfig config;
    config.dev = true;
    config.web_root = web_root_;
    config.db = "sqlite:" + (web_root_ / "test.db").string();
    config.workers = 2;
    platform_ = app::build_platform(config, std::make_shared<ManualClock>(kNoon));
    http::HttpServerOptions options;
    options.port = 0;
    options.threads = 1;
    server_ = std::make_unique<http::HttpServer>(options, platform_->router);
    server_->start();
    port_ = server_->port();
  }
  void TearDown() override {
    server_->stop();
    fs::remove_all(web_root_);
  }

  fs::path web_root_;
  std::unique_ptr<app::Platform> platform_;
  std::unique_ptr<http::HttpServer> server_;
  int port_ = 0;
};

TEST_F(HttpServerTest, HealthzAnswersJson) {
  const auto response = http_get(port_, "/healthz");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at("content-type").rfind("application/json", 0), 0u);
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["mode"], "dev");
}

TEST_F(HttpServerTest, Http11IsKeepAliveByDefault) {
  const auto response = http_get(port_, "/healthz");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at("connection"), "Keep-Alive");
  auto closing = http_get(port_, "/healthz", "Connection: close\r\n");
  EXPECT_NE(closing.headers["connection"], "Keep-Alive");
}

TEST_F(HttpServerTest, ValidateEndpointGivesTheSharedVerdict) {
  const auto bad = http_post_json(port_, "/api/v1/validate", R"({"kind":"resident-id","value":"110105194912310021"})");
  ASSERT_EQ(bad.status, 200);
  const auto verdict = nlohmann::json::parse(bad.body);
  EXPECT_EQ(verdict["valid"], false);
  EXPECT_EQ(verdict["code"], "ID_NUMBER_INVALID");
  EXPECT_EQ(verdict["detail"], "ID_NUMBER_CHECK_DIGIT");
  EXPECT_EQ(verdict["field"], "id_number");
  EXPECT_EQ(verdict["message"], message_zh(ErrorCode::IdNumberCheckDigit));

  const auto good = http_post_json(port_, "/api/v1/validate", R"({"kind":"uscc","value":"91350100M000100Y43"})");
  EXPECT_EQ(nlohmann::json::parse(good.body)["valid"], true);
}

TEST_F(HttpServerTest, BadInputGetsAStructuredError) {
  for (const std::string& body : std::vector<std::string>{"", "not json", "[1,2]", R"({"kind":1,"value":"x"})",
                                 std::string(100, '[') + std::string(100, ']'), R"({"kind":"nope","value":"x"})"}) {
    const auto response = http_post_json(port_, "/api/v1/validate", body);
    EXPECT_EQ(response.status, 400) << body;
    const auto error = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << response.body;
    EXPECT_TRUE(error["error"]["code"].is_string());
    EXPECT_FALSE(error["error"]["message"].get<std::string>().empty());
  }
}

TEST_F(HttpServerTest, InvalidUtf8NeverBecomesAServerError) {
  const auto response = http_post_json(port_, "/api/v1/validate", "{\"kind\":\"phone\",\"value\":\"\xff\xfe\"}");
  EXPECT_LT(response.status, 500);
}

TEST_F(HttpServerTest, UnknownApiPathIs404JsonAndWrongMethodIs405) {
  const auto missing = http_get(port_, "/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "NOT_FOUND");
  const auto wrong_method = http_get(port_, "/api/v1/validate");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(nlohmann::json::parse(wrong_method.body)["error"]["code"], "METHOD_NOT_ALLOWED");
}

TEST_F(HttpServerTest, ServesTheWebClientWithTypesGzipAndEtags) {
  const auto index = http_get(port_, "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("统一身份认证平台"), std::string::npos);

  auto gzipped = http_get(port_, "/index.html", "Accept-Encoding: gzip, br\r\n");
  EXPECT_EQ(gzipped.headers["content-encoding"], "gzip");
  EXPECT_LT(gzipped.body.size(), index.body.size());

  const auto wasm = http_get(port_, "/uia.wasm");
  EXPECT_EQ(wasm.headers.at("content-type"), "application/wasm");
  const auto font = http_get(port_, "/uia-font.ttf");
  EXPECT_EQ(font.status, 200);
  EXPECT_EQ(font.headers.at("content-type"), "font/ttf");
  EXPECT_EQ(font.body.size(), 2000u);
  EXPECT_EQ(http_get(port_, "/cmake_install.cmake").status, 404);

  const auto again = http_get(port_, "/", "If-None-Match: " + index.headers.at("etag") + "\r\n");
  EXPECT_EQ(again.status, 304);

  // Client-side routes are drawn by the same canvas app.
  EXPECT_EQ(http_get(port_, "/register").status, 200);
}

TEST_F(HttpServerTest, NothingOutsideTheWebRootIsReachable) {
  for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.hidden", "/a/../index.html",
                           "/index.html%00.png", "//etc/passwd"}) {
    const auto response = http_get(port_, path);
    EXPECT_EQ(response.status, 404) << path;
  }
}

TEST_F(HttpServerTest, OversizedRequestIsRefusedNotCrashed) {
  const std::string big(200 * 1024, 'a');
  const auto response = http_post_json(port_, "/api/v1/validate", "{\"kind\":\"phone\",\"value\":\"" + big + "\"}");
  EXPECT_TRUE(response.status == 0 || response.status == 413 || response.status == 400) << response.status;
  EXPECT_EQ(http_get(port_, "/healthz").status, 200);  // still serving
}

TEST(HttpServerDrain, StopLetsInFlightRequestsFinish) {
  auto router = std::make_shared<http::Router>();
  router->add(Pistache::Http::Method::Get, "/slow", [](const auto&, auto response, const auto&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    response.send(Pistache::Http::Code::Ok, "done");
  });
  http::HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  http::HttpServer server(options, router);
  server.start();
  const int port = server.port();
  auto pending = std::async(std::launch::async, [port] { return http_get(port, "/slow"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  const auto response = pending.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "done");
}

}  // namespace
}  // namespace uia
