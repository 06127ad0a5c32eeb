// Behind a reverse proxy the client's address comes from X-Forwarded-For, but only when the peer
// is a configured proxy: otherwise anybody could pick the address their limits are counted on.
#include <gtest/gtest.h>

#include <fstream>

#include <soci/soci.h>

#include "http/trusted_proxies.h"
#include "rest_test_support.h"

namespace uia {
namespace {

http::TrustedProxies proxies(std::initializer_list<const char*> entries) {
  http::TrustedProxies out;
  std::string error;
  for (const char* e : entries) EXPECT_TRUE(out.add(e, error)) << error;
  return out;
}

TEST(TrustedProxies, MatchesAddressesAndRangesOfBothFamilies) {
  const auto trusted = proxies({"127.0.0.1", "10.0.0.0/8", "fd00::/8", "192.168.1.0/25"});
  EXPECT_TRUE(trusted.contains("127.0.0.1"));
  EXPECT_FALSE(trusted.contains("127.0.0.2"));
  EXPECT_TRUE(trusted.contains("10.200.3.4"));
  EXPECT_FALSE(trusted.contains("11.0.0.1"));
  EXPECT_TRUE(trusted.contains("192.168.1.127"));
  EXPECT_FALSE(trusted.contains("192.168.1.128"));
  EXPECT_TRUE(trusted.contains("fd12::1"));
  EXPECT_FALSE(trusted.contains("fe80::1"));
  EXPECT_FALSE(trusted.contains("not an address"));
}

TEST(TrustedProxies, RefusesEntriesThatAreNotAddresses) {
  http::TrustedProxies trusted;
  std::string error;
  for (const char* bad : {"", "localhost", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8x", "::/129", "1.2.3"}) {
    error.clear();
    EXPECT_FALSE(trusted.add(bad, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
  EXPECT_TRUE(trusted.empty());
}

TEST(TrustedProxies, BelievesOnlyWhatTrustedHopsAppended) {
  const auto trusted = proxies({"127.0.0.1", "10.0.0.0/8"});
  // Not from a proxy: the header is the client's own words.
  EXPECT_EQ(trusted.client_of("203.0.113.9", "1.1.1.1"), "203.0.113.9");
  // nginx on 127.0.0.1 appended the real peer.
  EXPECT_EQ(trusted.client_of("127.0.0.1", "198.51.100.7"), "198.51.100.7");
  // The client forged a left part; two trusted hops appended on the right.
  EXPECT_EQ(trusted.client_of("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"), "198.51.100.7");
  // No header, or garbage in it: the proxy itself is all we know.
  EXPECT_EQ(trusted.client_of("127.0.0.1", ""), "127.0.0.1");
  EXPECT_EQ(trusted.client_of("127.0.0.1", "<script>"), "127.0.0.1");
  EXPECT_EQ(trusted.client_of("127.0.0.1", "garbage, 198.51.100.7"), "198.51.100.7");
}

}  // namespace

namespace rest {
namespace {

class RestBehindProxy : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    config.config_file = dir_ / "uia.json";
    std::ofstream(config.config_file) << R"({"trusted_proxies": ["127.0.0.1"]})";
  }
  std::string audited_ip_of_failed_login(const std::string& forwarded_for) {
    const Captcha c = captcha();
    const nlohmann::json body = {{"method", "password"}, {"identifier", "nobody-here"}, {"password", "Wrong#12345"},
                                 {"captcha_id", c.id}, {"captcha_answer", c.answer}};
    const Reply reply = request("POST", "/api/v1/sessions", body.dump(), {},
                                "X-Forwarded-For: " + forwarded_for + "\r\n");
    EXPECT_EQ(reply.status, 401) << reply.body;
    auto sql = open_database();
    std::string ip;
    *sql << "SELECT client_ip FROM audit_log WHERE action = 'session.login' ORDER BY id DESC", soci::into(ip);
    return ip;
  }
};

TEST_F(RestBehindProxy, AuditAndLimitsSeeTheForwardedClient) {
  EXPECT_EQ(audited_ip_of_failed_login("198.51.100.7"), "198.51.100.7");
  EXPECT_EQ(audited_ip_of_failed_login("6.6.6.6, 198.51.100.8"), "198.51.100.8");
  EXPECT_EQ(count_rows("login_failures", "client_ip = '198.51.100.7'"), 1);
}

using RestWithoutProxy = RestTest;

TEST_F(RestWithoutProxy, AForgedForwardedForIsIgnored) {
  const Captcha c = captcha();
  const nlohmann::json body = {{"method", "password"}, {"identifier", "nobody-here"}, {"password", "Wrong#12345"},
                               {"captcha_id", c.id}, {"captcha_answer", c.answer}};
  ASSERT_EQ(request("POST", "/api/v1/sessions", body.dump(), {}, "X-Forwarded-For: 1.2.3.4\r\n").status,
            401);
  EXPECT_EQ(count_rows("login_failures", "client_ip = '127.0.0.1'"), 1);
  EXPECT_EQ(count_rows("login_failures", "client_ip = '1.2.3.4'"), 0);
}

}  // namespace
}  // namespace rest
}  // namespace uia
