// Slow and crowding clients (issue 20): request heads and bodies that dribble in are cut off
// after the header and body timeouts, clients that never read their answers hold up nobody,
// and one address cannot take every connection. In-process server with short timeouts, raw
// sockets; each test takes a few seconds.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/platform.h"
#include "http/http_server.h"

namespace uia {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A client socket from a chosen loopback address (127.0.0.2 is another client to the server).
class RawConnection {
 public:
  explicit RawConnection(int port, const char* source = "127.0.0.1", int receive_buffer = 0) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (receive_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &local.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<uint16_t>(port));
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }

  struct Reading {
    std::string data;
    bool closed = false;  // the server closed (or reset) the connection
    int error = 0;        // errno of a reset
  };
  // What arrives within `wait`, returning early once the server closes (or, with `enough`,
  // once that much has arrived).
  Reading read_for(std::chrono::milliseconds wait, std::string_view enough = {}) {
    Reading out;
    const auto deadline = Clock::now() + wait;
    while (!out.closed && (enough.empty() || out.data.find(enough) == std::string::npos)) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) { out.closed = true; if (n < 0) out.error = errno; }
      else out.data.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// One GET from `source`, answered (status line) within `wait` or "".
std::string status_line_of_get(int port, const char* source, const std::string& path,
                               std::chrono::milliseconds wait = 2000ms) {
  RawConnection c(port, source);
  if (!c.connected() || !c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) return "";
  const auto reading = c.read_for(wait, "\r\n");
  return reading.data.substr(0, reading.data.find("\r\n"));
}

class SlowClients : public ::testing::Test {
 protected:
  void SetUp() override {
    web_root_ = fs::temp_directory_path() / ("uia-slow-" + std::to_string(::getpid()));
    fs::create_directories(web_root_);
    std::ofstream(web_root_ / "index.html") << "<!doctype html><title>统一身份认证平台</title>";
    // Far more than loopback socket buffers hold: a client that never reads leaves most of it
    // waiting on the server's side.
    std::ofstream(web_root_ / "uia.wasm", std::ios::binary) << std::string("\0asm", 4) << std::string(24 << 20, 'w');
    app::PlatformConfig config;
    config.dev = true;
    config.web_root = web_root_;
    config.db = "sqlite:" + (web_root_ / "test.db").string();
    config.workers = 2;
    platform_ = app::build_platform(config);
    start_server(1s, 2s);
  }
  // Pistache holds a request head to the smaller of the two timeouts.
  void start_server(std::chrono::milliseconds header_timeout, std::chrono::milliseconds body_timeout) {
    if (server_) server_->stop();
    http::HttpServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.header_timeout = header_timeout;
    options.body_timeout = body_timeout;
    options.keepalive_timeout = 30s;  // far above the others: only they may cut the tests' clients
    options.connections_per_address = 16;
    server_ = std::make_unique<http::HttpServer>(options, platform_->router);
    server_->start();
    port_ = server_->port();
  }
  void TearDown() override {
    server_->stop();
    fs::remove_all(web_root_);
  }

  // Sends `start`, then `drip` one byte every 250 ms until the server closes the connection
  // (or `patience` passes); meanwhile another client's GET /healthz must be answered at once.
  // Returns how long the server let the connection dribble, or patience when it never closed.
  Clock::duration dribble(const std::string& start, const std::string& drip, Clock::duration patience,
                          bool keep_alive_first = false) {
    RawConnection c(port_);
    EXPECT_TRUE(c.connected());
    if (keep_alive_first) {
      // A complete first request: the next one on this kept-alive connection dribbles.
      EXPECT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
      EXPECT_NE(c.read_for(2000ms, "}").data.find("200 OK"), std::string::npos);
    }
    const auto started = Clock::now();
    EXPECT_TRUE(c.send(start));
    bool checked_others = false;
    for (std::size_t i = 0; Clock::now() - started < patience; ++i) {
      if (!c.send(drip.substr(i % drip.size(), 1))) return Clock::now() - started;  // reset by the server
      if (c.read_for(250ms).closed) return Clock::now() - started;
      if (!checked_others) {
        const auto asked = Clock::now();
        EXPECT_EQ(status_line_of_get(port_, "127.0.0.1", "/healthz"), "HTTP/1.1 200 OK");
        EXPECT_LT(Clock::now() - asked, 500ms) << "another client waited behind the slow one";
        checked_others = true;
      }
    }
    return patience;
  }

  fs::path web_root_;
  std::unique_ptr<app::Platform> platform_;
  std::unique_ptr<http::HttpServer> server_;
  int port_ = 0;
};

TEST_F(SlowClients, SlowlorisHeadIsCutOffAfterTheHeaderTimeout) {
  const auto lasted = dribble("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", "abcdefgh", 8s);
  // 1 s header timeout, checked every 0.5 s.
  EXPECT_LT(lasted, 3s);
}

TEST_F(SlowClients, SlowlorisHeadOnAKeptAliveConnectionIsCutOffToo) {
  // Pistache alone would only apply the 30 s keep-alive timeout to an answered connection.
  const auto lasted = dribble("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", "abcdefgh", 8s, true);
  EXPECT_LT(lasted, 3s);
}

TEST_F(SlowClients, SlowBodyIsCutOffAfterTheBodyTimeout) {
  const auto lasted = dribble(
      "POST /api/v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{",
      "\"kind\": \"x\", ", 8s);
  // 2 s body timeout from the request's first byte, checked every 0.5 s.
  EXPECT_LT(lasted, 4s);
}

TEST_F(SlowClients, SlowButTimelyRequestIsAnswered) {
  RawConnection c(port_);
  const std::string body = R"({"kind":"resident-id","value":"110105194912310021"})";
  const std::string request = "POST /api/v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  for (std::size_t i = 0; i < request.size(); i += request.size() / 3 + 1) {
    ASSERT_TRUE(c.send(request.substr(i, request.size() / 3 + 1)));
    std::this_thread::sleep_for(250ms);
  }
  EXPECT_EQ(c.read_for(3000ms, "\r\n").data.rfind("HTTP/1.1 200 OK", 0), 0u);
}

TEST_F(SlowClients, ClientsThatNeverReadHoldUpNobody) {
  // Six clients ask for 24 MB each, four for the OpenAPI document, and never read a byte.
  std::vector<std::unique_ptr<RawConnection>> sleepers;
  for (int i = 0; i < 10; ++i) {
    sleepers.push_back(std::make_unique<RawConnection>(port_, "127.0.0.1", 4096));
    const std::string path = i < 6 ? "/uia.wasm" : "/api/v1/openapi.json";
    ASSERT_TRUE(sleepers.back()->send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"));
  }
  std::this_thread::sleep_for(300ms);
  // The reactors and the workers still answer others at once: a static reply, a worker's API
  // answer, a few times over.
  for (int i = 0; i < 5; ++i) {
    const auto asked = Clock::now();
    EXPECT_EQ(status_line_of_get(port_, "127.0.0.2", "/healthz"), "HTTP/1.1 200 OK");
    EXPECT_EQ(status_line_of_get(port_, "127.0.0.2", "/api/v1/captcha"), "HTTP/1.1 200 OK");
    EXPECT_LT(Clock::now() - asked, 1500ms);
  }
  // Each sleeper still holds its connection and got no more than the socket buffers took.
  for (auto& sleeper : sleepers) EXPECT_FALSE(sleeper->read_for(10ms).closed);
}

TEST_F(SlowClients, LargeFileReachesAReadingClientWholeAndTheConnectionStaysUsable) {
  RawConnection c(port_);
  ASSERT_TRUE(c.send("GET /uia.wasm HTTP/1.1\r\nHost: x\r\n\r\n"));
  const std::size_t size = 4 + (24u << 20);
  std::string data;
  for (int i = 0; i < 100 && data.size() < size; ++i) data += c.read_for(100ms).data;
  const std::size_t head_end = data.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  EXPECT_EQ(data.rfind("HTTP/1.1 200 OK", 0), 0u);
  EXPECT_NE(data.find("Content-Length: " + std::to_string(size)), std::string::npos);
  EXPECT_NE(data.find("Content-Type: application/wasm"), std::string::npos);
  ASSERT_EQ(data.size() - head_end - 4, size);
  EXPECT_EQ(data.substr(head_end + 4, 4), std::string("\0asm", 4));
  EXPECT_EQ(data.back(), 'w');
  // Kept alive: the next request on the same connection is answered.
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(c.read_for(2000ms, "\r\n").data.rfind("HTTP/1.1 200 OK", 0), 0u);
}

TEST_F(SlowClients, ConnectionFloodFromOneAddressIsLimited) {
  // The limit is 16 a client address; 30 connections from 127.0.0.1 that send nothing (and
  // that the header timeout must not close while the test looks at them).
  start_server(10s, 10s);
  std::vector<std::unique_ptr<RawConnection>> flood;
  for (int i = 0; i < 30; ++i) {
    flood.push_back(std::make_unique<RawConnection>(port_, "127.0.0.1"));
    ASSERT_TRUE(flood.back()->connected());
  }
  int refused = 0;
  int held = 0;
  std::this_thread::sleep_for(500ms);  // the refusals are written and the sockets shut by now
  for (auto& c : flood) {
    const auto reading = c->read_for(20ms);
    if (reading.closed) {
      ++refused;
      EXPECT_EQ(reading.data.rfind("HTTP/1.1 429", 0), 0u) << reading.data << " errno " << reading.error;
      EXPECT_NE(reading.data.find("TOO_MANY_REQUESTS"), std::string::npos) << reading.data;
    } else {
      ++held;
      EXPECT_EQ(reading.data, "");
    }
  }
  EXPECT_EQ(held, 16);
  EXPECT_EQ(refused, 14);
  // Another address is served meanwhile.
  EXPECT_EQ(status_line_of_get(port_, "127.0.0.2", "/healthz"), "HTTP/1.1 200 OK");
  EXPECT_EQ(status_line_of_get(port_, "127.0.0.2", "/api/v1/captcha"), "HTTP/1.1 200 OK");
  // Places come back when connections end, however they end.
  flood.clear();
  std::string again;
  for (int i = 0; i < 20 && again != "HTTP/1.1 200 OK"; ++i) {
    std::this_thread::sleep_for(50ms);
    again = status_line_of_get(port_, "127.0.0.1", "/healthz");
  }
  EXPECT_EQ(again, "HTTP/1.1 200 OK");
}

}  // namespace
}  // namespace uia
