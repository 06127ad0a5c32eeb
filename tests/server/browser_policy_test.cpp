// What browsers are told on every answer (server/http/browser_policy.h, issue 20): a strict
// Content-Security-Policy that still runs the wasm, no framing unless the config names the
// embedding site, HSTS only when a trusted proxy says the browser came over TLS, and HEAD
// answered like GET without the body.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "app/platform.h"
#include "http/browser_policy.h"
#include "http/http_server.h"
#include "http_test_client.h"
#include "rest_test_support.h"

namespace uia::rest {
namespace {
namespace fs = std::filesystem;
using testing::http_get;
using testing::send_raw;

class BrowserPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("uia-browser-policy"); }
  void TearDown() override {
    if (server_) server_->stop();
    server_.reset();
    platform_.reset();
    fs::remove_all(dir_);
  }

  // A dev platform serving a small page, with `config` as its config file.
  void serve(const nlohmann::json& config = nlohmann::json::object()) {
    fs::create_directories(dir_ / "web");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>统一身份认证平台</title>" << std::string(3000, ' ');
    std::ofstream(dir_ / "uia.json") << config.dump();
    app::PlatformConfig platform_config;
    platform_config.dev = true;
    platform_config.web_root = dir_ / "web";
    platform_config.db = "sqlite:" + (dir_ / "uia.db").string();
    platform_config.config_file = dir_ / "uia.json";
    platform_config.workers = 2;
    platform_ = app::build_platform(platform_config, std::make_shared<ManualClock>(kStart));
    server_ = serve_on_loopback(*platform_);
    port_ = server_->port();
  }

  fs::path dir_;
  std::unique_ptr<app::Platform> platform_;
  std::unique_ptr<http::HttpServer> server_;
  int port_ = 0;
};

std::string header(const testing::RawResponse& r, const std::string& name) {
  const auto it = r.headers.find(name);
  return it == r.headers.end() ? std::string() : it->second;
}

TEST_F(BrowserPolicyTest, ThePageAndTheApiCarryAStrictPolicyAndCannotBeFramed) {
  serve();
  for (const std::string path : {"/", "/login", "/api/v1/profile", "/api/v1/captcha", "/api/v1/nothing-here"}) {
    const auto r = http_get(port_, path);
    SCOPED_TRACE(path);
    const std::string csp = header(r, "content-security-policy");
    EXPECT_NE(csp.find("script-src 'self' 'wasm-unsafe-eval';"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("'unsafe-eval'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << csp;
    EXPECT_EQ(header(r, "x-frame-options"), "DENY");
    EXPECT_EQ(header(r, "x-content-type-options"), "nosniff");
    EXPECT_EQ(header(r, "referrer-policy"), "no-referrer");
    EXPECT_EQ(header(r, "strict-transport-security"), "") << "plain http gets no HSTS";
  }
}

TEST_F(BrowserPolicyTest, ConfiguredEmbeddingOriginsMayFrameThePages) {
  serve({{"embedding_origins", {"https://www.jl.gov.cn", "https://*.zwfw.jl.gov.cn:8443"}}});
  const auto r = http_get(port_, "/");
  EXPECT_NE(header(r, "content-security-policy").find("frame-ancestors https://www.jl.gov.cn https://*.zwfw.jl.gov.cn:8443"),
            std::string::npos)
      << header(r, "content-security-policy");
  EXPECT_EQ(header(r, "x-frame-options"), "") << "X-Frame-Options cannot name a list; CSP decides";
}

TEST_F(BrowserPolicyTest, AnEmbeddingOriginThatIsNoOriginStopsTheStart) {
  for (const std::string bad : {"https://a.example.cn/path", "https://a.example.cn; script-src *", "ftp://a.example.cn",
                                "https://", "*", "https://a.example.cn https://b.example.cn"}) {
    SCOPED_TRACE(bad);
    EXPECT_THROW(serve({{"embedding_origins", {bad}}}), std::runtime_error);
  }
  EXPECT_FALSE(http::valid_embedding_origin("http://portal.example.cn", false)) << "production embeds over https only";
  EXPECT_TRUE(http::valid_embedding_origin("http://127.0.0.1:9000", true));
}

TEST_F(BrowserPolicyTest, HstsOnlyWhenATrustedProxySaysTheBrowserCameOverTls) {
  serve({{"trusted_proxies", {"127.0.0.1"}}});
  const auto over_tls = http_get(port_, "/", "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\n");
  EXPECT_EQ(header(over_tls, "strict-transport-security"), "max-age=31536000");
  const auto plain = http_get(port_, "/", "X-Forwarded-Proto: http\r\n");
  EXPECT_EQ(header(plain, "strict-transport-security"), "");
}

TEST_F(BrowserPolicyTest, HstsIsNotBelievedFromAnUntrustedPeer) {
  serve();  // no trusted proxies: anyone could send the header
  const auto r = http_get(port_, "/", "X-Forwarded-Proto: https\r\n");
  EXPECT_EQ(header(r, "strict-transport-security"), "");
}

// One keep-alive connection: HEAD, then GET. The HEAD's head must carry the GET's Content-Length
// and no body byte may follow it (the GET's answer must start right where the HEAD's head ends).
TEST_F(BrowserPolicyTest, HeadAnswersLikeGetWithoutTheBody) {
  serve();
  for (const std::string path : {"/", "/api/v1/profile", "/healthz", "/api/v1/nothing-here", "/api/v1/openapi.json"}) {
    SCOPED_TRACE(path);
    const auto get = http_get(port_, path);
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    const std::string head_request = "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ASSERT_EQ(::send(fd, head_request.data(), head_request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head_request.size()));
    std::string data;
    char buffer[65536];
    // Read until the head is complete, then a little longer: a body would arrive meanwhile.
    for (int waited = 0; waited < 50; ++waited) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, data.find("\r\n\r\n") == std::string::npos ? 2000 : 20) <= 0) {
        if (data.find("\r\n\r\n") != std::string::npos) break;
        continue;
      }
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      data.append(buffer, static_cast<std::size_t>(n));
    }
    const std::size_t end = data.find("\r\n\r\n");
    ASSERT_NE(end, std::string::npos) << data;
    EXPECT_EQ(data.size(), end + 4) << "no body after a HEAD's head: " << data;
    EXPECT_EQ(data.substr(0, 12), "HTTP/1.1 " + std::to_string(get.status)) << data;
    std::string lower = data;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(lower.find("content-length: " + std::to_string(get.body.size()) + "\r\n"), std::string::npos) << data;
    EXPECT_EQ(lower.find("x-uia-head-only"), std::string::npos) << "the router's mark never leaves the server";
    EXPECT_NE(lower.find("content-security-policy:"), std::string::npos);
    // The connection still works for the next request.
    const std::string next = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    ASSERT_EQ(::send(fd, next.data(), next.size(), MSG_NOSIGNAL), static_cast<ssize_t>(next.size()));
    std::string rest;
    for (;;) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) break;
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      rest.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    EXPECT_EQ(rest.rfind("HTTP/1.1 200", 0), 0u) << rest;
    EXPECT_NE(rest.find("\"status\":\"ok\""), std::string::npos) << rest;
  }
}

}  // namespace
}  // namespace uia::rest
