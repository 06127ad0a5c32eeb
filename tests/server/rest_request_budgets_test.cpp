// Request budgets of the anonymous endpoints over HTTP (issue 20, part 4): past its budget a
// client gets 429 TOO_MANY_REQUESTS with Retry-After and comes back once it has waited; every
// endpoint a stranger can call has one; a flood of captcha requests from one address leaves
// another address signing in as fast as before. Addresses come from X-Forwarded-For through
// a trusted proxy (127.0.0.1), as behind nginx.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "http_test_client.h"
#include "rest_test_support.h"

namespace uia::rest {
namespace {
using std::chrono::seconds;

std::string from(const std::string& address) { return "X-Forwarded-For: " + address + "\r\n"; }

void write_config(app::PlatformConfig& config, const std::filesystem::path& dir, const nlohmann::json& budgets) {
  config.config_file = dir / "uia.json";
  std::ofstream(config.config_file)
      << nlohmann::json({{"trusted_proxies", {"127.0.0.1"}}, {"limits", {{"request_budgets", budgets}}}}).dump();
}

void expect_too_many(const Reply& reply, long long retry_after) {
  EXPECT_EQ(reply.status, 429) << reply.body;
  EXPECT_EQ(reply.error_code(), "TOO_MANY_REQUESTS") << reply.body;
  EXPECT_EQ(reply.json["error"].value("message", ""), "请求过于频繁，请稍后再试") << reply.body;
  EXPECT_EQ(reply.header("retry-after"), std::to_string(retry_after));
  EXPECT_EQ(reply.json["error"].value("retry_after", 0LL), retry_after) << reply.body;
}

// Small per-address budgets: 3 captchas a minute, one request a minute of every other kind.
class RestRequestBudgets : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    nlohmann::json budgets;
    for (std::size_t i = 0; i < app::kRequestBudgetCount; ++i)
      budgets[app::request_budget_name(static_cast<app::RequestBudget>(i))] = {{"per_ip_per_minute", 1}, {"per_minute", 0}};
    budgets["captcha"]["per_ip_per_minute"] = 3;
    write_config(config, dir_, budgets);
  }
  Reply captcha_from(const std::string& address) { return request("GET", "/api/v1/captcha", "", {}, from(address)); }
};

TEST_F(RestRequestBudgets, CaptchasPastTheBudgetAre429WithRetryAfterUntilTheWindowMovesOn) {
  for (int i = 0; i < 3; ++i) ASSERT_EQ(captcha_from("198.51.100.1").status, 200) << i;
  expect_too_many(captcha_from("198.51.100.1"), 20);  // 3 a minute: one comes back every 20 s
  // Another address is not affected.
  EXPECT_EQ(captcha_from("198.51.100.2").status, 200);
  advance(seconds(19));
  expect_too_many(captcha_from("198.51.100.1"), 1);
  advance(seconds(1));
  EXPECT_EQ(captcha_from("198.51.100.1").status, 200);
  expect_too_many(captcha_from("198.51.100.1"), 20);
  advance(seconds(60));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(captcha_from("198.51.100.1").status, 200) << i;
  // Refused requests never reached the flow: 3 + 1 + 1 + 3 captchas were stored.
  EXPECT_EQ(count_rows("captchas"), 8);
}

TEST_F(RestRequestBudgets, EveryEndpointAStrangerCanCallHasABudget) {
  struct Endpoint {
    const char* method;
    const char* path;
  };
  const Endpoint endpoints[] = {
      {"POST", "/api/v1/sms/codes"},
      {"POST", "/api/v1/sessions"},
      {"POST", "/api/v1/admin/sessions"},
      {"POST", "/api/v1/face/checks"},
      {"POST", "/api/v1/qr-logins"},
      {"GET", "/api/v1/upstream/national/login"},
      {"GET", "/api/v1/upstream/national/callback"},
      {"POST", "/api/v1/persons"},
      {"POST", "/api/v1/enterprises"},
      {"POST", "/api/v1/activation"},
      {"GET", "/api/v1/activation/1"},
      {"POST", "/api/v1/activation/1/account"},
      {"POST", "/api/v1/enterprises/activation"},
      {"POST", "/api/v1/enterprises/activation/1/sms"},
      {"POST", "/api/v1/enterprises/activation/1/account"},
      {"POST", "/api/v1/recovery"},
      {"POST", "/api/v1/recovery/1/sms"},
      {"POST", "/api/v1/recovery/1/email"},
      {"POST", "/api/v1/recovery/1/password"},
      {"POST", "/api/v1/enterprises/recovery"},
      {"POST", "/api/v1/enterprises/recovery/1/password"},
      {"GET", "/oidc/authorize"},
      {"GET", "/api/v1/oidc/requests/1"},
  };
  int n = 0;
  for (const auto& e : endpoints) {
    // Each from its own address: the budget is the endpoint's, not another one's leftover.
    const std::string address = "203.0.113." + std::to_string(++n);
    const std::string body = std::string(e.method) == "GET" ? "" : "{}";
    const Reply first = request(e.method, e.path, body, {}, from(address));
    EXPECT_NE(first.status, 429) << e.method << " " << e.path << ": " << first.body;
    EXPECT_NE(first.status, 0) << e.method << " " << e.path;
    const Reply second = request(e.method, e.path, body, {}, from(address));
    SCOPED_TRACE(std::string(e.method) + " " + e.path);
    expect_too_many(second, 60);
  }
  // Signed-in endpoints and the shared rules have none: 20 unauthenticated reads all get 401.
  for (int i = 0; i < 20; ++i) ASSERT_EQ(request("GET", "/api/v1/me", "", {}, from("192.0.2.1")).status, 401);
}

// Everybody together: 4 captchas a minute, any number per address.
class RestGlobalBudget : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    write_config(config, dir_, {{"captcha", {{"per_ip_per_minute", 0}, {"per_minute", 4}}}});
  }
};

TEST_F(RestGlobalBudget, TheGlobalCeilingHoldsAcrossAddresses) {
  for (int i = 1; i <= 4; ++i)
    ASSERT_EQ(request("GET", "/api/v1/captcha", "", {}, from("198.51.100." + std::to_string(i))).status, 200) << i;
  expect_too_many(request("GET", "/api/v1/captcha", "", {}, from("198.51.100.99")), 15);
  advance(seconds(15));
  EXPECT_EQ(request("GET", "/api/v1/captcha", "", {}, from("198.51.100.99")).status, 200);
}

// The shipped defaults ("request_budgets": {} keeps them), behind the same proxy.
class RestCaptchaFlood : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override { write_config(config, dir_, nlohmann::json::object()); }

  // Median wall time of `count` password sign-ins of `person` from 127.0.0.1 (no forwarding).
  double median_sign_in_ms(const Applicant& person, int count) {
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
      const auto started = std::chrono::steady_clock::now();
      const Reply signed_in = login(person.account, person.password);
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
      EXPECT_EQ(signed_in.status, 201) << signed_in.body;
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
  }
};

TEST_F(RestCaptchaFlood, AnotherAddressKeepsSigningInWhileOneFloodsCaptchas) {
  const Applicant person = active_adult();
  const double alone_ms = median_sign_in_ms(person, 5);

  std::atomic<bool> stop{false};
  std::atomic<long long> issued{0}, refused{0}, other{0};
  std::vector<std::thread> flood;
  const std::string flood_request = "GET /api/v1/captcha HTTP/1.1\r\nHost: 127.0.0.1\r\n" + from("203.0.113.66") + "\r\n";
  for (int t = 0; t < 2; ++t)
    flood.emplace_back([&] {
      while (!stop) {
        const int status = testing::send_raw(port_, flood_request).status;
        (status == 200 ? issued : status == 429 ? refused : other)++;
      }
    });
  const auto deadline = std::chrono::steady_clock::now() + seconds(20);
  while (refused < 100 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));  // the flood is on
  const double flooded_ms = median_sign_in_ms(person, 5);
  stop = true;
  for (auto& t : flood) t.join();

  EXPECT_EQ(issued, app::kDefaultRequestBudgets[0].per_ip_per_minute);  // a minute's worth, then 429
  EXPECT_EQ(other, 0) << "every flood request is answered, 200 or 429";
  // Generous: the flood's own client threads share this machine's cores with the server.
  EXPECT_LT(flooded_ms, 4 * alone_ms + 500) << "alone " << alone_ms << " ms, during the flood " << flooded_ms << " ms";
  std::cout << "sign-in median: alone " << alone_ms << " ms, during a captcha flood (" << refused << " refused) "
            << flooded_ms << " ms\n";
}

}  // namespace
}  // namespace uia::rest
