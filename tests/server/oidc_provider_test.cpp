// The OIDC provider's configuration ("oidc" section) and its back-channel logout port: the real
// adapter POSTs the logout token as a form (checked against a one-shot loopback listener), the
// simulator is dev-only, and bad settings stop start-up with the offending key named.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "flows/oidc/provider.h"

namespace uia::flows::oidc {
namespace {

// Accepts one connection, keeps what arrived, answers `status`.
class OneShotListener {
 public:
  explicit OneShotListener(int status, int delay_ms = 0) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(fd_, 1);
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this, status, delay_ms] {
      const int connection = ::accept(fd_, nullptr, nullptr);
      if (connection < 0) return;
      char buffer[4096];
      for (;;) {
        const auto n = ::recv(connection, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        received_.append(buffer, static_cast<std::size_t>(n));
        const auto head_end = received_.find("\r\n\r\n");
        if (head_end != std::string::npos && received_.size() >= head_end + 4 + body_length()) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      const std::string reply = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      ::send(connection, reply.data(), reply.size(), MSG_NOSIGNAL);
      ::close(connection);
    });
  }
  ~OneShotListener() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/logout"; }
  const std::string& received() const { return received_; }

 private:
  std::size_t body_length() const {
    const auto at = received_.find("Content-Length: ");
    return at == std::string::npos ? 0 : std::stoul(received_.substr(at + 16));
  }
  int fd_ = -1;
  int port_ = 0;
  std::string received_;
  std::thread thread_;
};

TEST(OidcBackchannelHttp, PostsTheLogoutTokenAsAForm) {
  OneShotListener listener(200);
  ports::BackchannelLogoutHttp adapter({});
  const auto delivery = adapter.deliver(listener.url(), "aaa.bbb.ccc");
  EXPECT_TRUE(delivery.delivered) << delivery.error;
  const std::string& seen = listener.received();
  EXPECT_EQ(seen.rfind("POST /logout HTTP/1.1\r\n", 0), 0u) << seen;
  EXPECT_NE(seen.find("Content-Type: application/x-www-form-urlencoded\r\n"), std::string::npos) << seen;
  EXPECT_EQ(seen.substr(seen.find("\r\n\r\n") + 4), "logout_token=aaa.bbb.ccc");
}

TEST(OidcBackchannelHttp, RefusalsUnreachableClientsAndSlowOnesAreFailures) {
  {
    OneShotListener refusing(400);
    const auto refused = ports::BackchannelLogoutHttp({}).deliver(refusing.url(), "t");
    EXPECT_FALSE(refused.delivered);
    EXPECT_EQ(refused.error, "HTTP 400");
  }
  const auto unreachable = ports::BackchannelLogoutHttp({}).deliver("http://127.0.0.1:1/logout", "t");
  EXPECT_FALSE(unreachable.delivered);
  EXPECT_FALSE(unreachable.error.empty());
  OneShotListener slow(200, 1500);
  ports::BackchannelHttpConfig quick;
  quick.timeout_ms = 200;
  const auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(ports::BackchannelLogoutHttp(quick).deliver(slow.url(), "t").delivered);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1200));
}

TEST(OidcProviderConfig, TheSimulatorIsForDevModeOnly) {
  const auto production = make_provider(nullptr, /*dev_mode=*/false);
  EXPECT_NE(dynamic_cast<ports::BackchannelLogoutHttp*>(production->backchannel.get()), nullptr);
  EXPECT_EQ(production->backchannel_simulator, nullptr);
  const auto dev = make_provider(nullptr, true);
  EXPECT_EQ(dev->backchannel.get(), dev->backchannel_simulator.get());
  ASSERT_NE(dev->backchannel_simulator, nullptr);
  try {
    make_provider({{"issuer", "https://id.example.gov.cn"}, {"backchannel_logout", {{"adapter", "simulator"}}}}, false);
    ADD_FAILURE() << "a simulator was accepted in production";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("oidc.backchannel_logout"), std::string::npos) << e.what();
  }
}

TEST(OidcProviderConfig, ReadsLifetimesAndRefusesBadSettings) {
  const auto p = make_provider({{"issuer", "https://id.example.gov.cn/"}, {"key_rotation_days", 7},
                                {"access_token_seconds", 300}, {"refresh_token_days", 1},
                                {"backchannel_logout", {{"adapter", "http"}, {"timeout_ms", 1500}}}},
                               false);
  EXPECT_EQ(p->settings.issuer, "https://id.example.gov.cn");
  EXPECT_EQ(p->settings.key_rotation_seconds, 7 * 24 * 3600);
  EXPECT_EQ(p->settings.access_token_seconds, 300);
  EXPECT_EQ(p->settings.refresh_token_seconds, 24 * 3600);
  EXPECT_EQ(p->settings.id_token_seconds, 600);
  // A section that leaves the lifetimes out gets the defaults in days, not 30 seconds.
  const auto defaults = make_provider({{"backchannel_logout", {{"adapter", "http"}}}}, true);
  EXPECT_EQ(defaults->settings.key_rotation_seconds, 30 * 24 * 3600);
  EXPECT_EQ(defaults->settings.refresh_token_seconds, 30 * 24 * 3600);
  EXPECT_EQ(defaults->settings.key_rotation_seconds, Provider().settings.key_rotation_seconds);
  EXPECT_EQ(defaults->settings.refresh_token_seconds, Provider().settings.refresh_token_seconds);
  const auto refused = [](const nlohmann::json& section, bool dev, const std::string& key) {
    try {
      make_provider(section, dev);
      ADD_FAILURE() << section.dump() << " was accepted";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  };
  refused({{"issuer", "http://id.example.gov.cn"}}, false, "oidc.issuer");  // clear text in production
  refused({{"issuer", 5}}, true, "oidc.issuer");
  refused({{"key_rotation_days", 0}}, true, "oidc.key_rotation_days");
  refused({{"access_token_seconds", "600"}}, true, "oidc.access_token_seconds");
  refused({{"issuerr", "x"}}, true, "oidc.issuerr");
  refused({{"backchannel_logout", {{"adapter", "smtp"}}}}, true, "oidc.backchannel_logout.adapter");
  refused({{"backchannel_logout", {{"adapter", "http"}, {"timeout_ms", 0}}}}, true, "oidc.backchannel_logout.timeout_ms");
  refused(nlohmann::json::array(), true, "oidc");
}

}  // namespace
}  // namespace uia::flows::oidc
