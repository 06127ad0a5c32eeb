// Request budgets as a piece: token buckets per address and for everybody, their refill, the
// Retry-After they give, bounded memory; the "limits.request_budgets" config; the captcha pool.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "app/limits.h"
#include "captcha/captcha_pool.h"
#include "runtime/rate_budget.h"

namespace uia {
namespace {
using std::chrono::seconds;
using runtime::RateBudget;

const RateBudget::Clock::time_point kT0{seconds(1795608000)};

TEST(RateBudget, LetsAMinutesWorthThroughThenSaysHowLongToWait) {
  RateBudget budget(3, 0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(budget.take("10.0.0.1", kT0), 0) << i;
  // One request every 20 s comes back: the next is 20 s away.
  EXPECT_EQ(budget.take("10.0.0.1", kT0), 20);
  EXPECT_EQ(budget.take("10.0.0.1", kT0 + seconds(5)), 15);
  EXPECT_EQ(budget.take("10.0.0.1", kT0 + seconds(20)), 0);
  EXPECT_EQ(budget.take("10.0.0.1", kT0 + seconds(20)), 20);
  // A full minute refills the bucket, and never beyond its size.
  const auto later = kT0 + seconds(3600);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(budget.take("10.0.0.1", later), 0) << i;
  EXPECT_GT(budget.take("10.0.0.1", later), 0);
}

TEST(RateBudget, EachAddressHasItsOwn) {
  RateBudget budget(1, 0);
  EXPECT_EQ(budget.take("10.0.0.1", kT0), 0);
  EXPECT_GT(budget.take("10.0.0.1", kT0), 0);
  EXPECT_EQ(budget.take("10.0.0.2", kT0), 0);
  EXPECT_EQ(budget.take("2001:db8::1", kT0), 0);
}

TEST(RateBudget, TheGlobalBudgetIsSharedButNotSpentByRefusedAddresses) {
  RateBudget budget(2, 4);
  EXPECT_EQ(budget.take("flooder", kT0), 0);
  EXPECT_EQ(budget.take("flooder", kT0), 0);
  for (int i = 0; i < 100; ++i) EXPECT_GT(budget.take("flooder", kT0), 0);  // its own bucket refuses
  EXPECT_EQ(budget.take("a", kT0), 0);
  EXPECT_EQ(budget.take("b", kT0), 0);
  EXPECT_EQ(budget.take("c", kT0), 15);  // everybody's 4 a minute are spent: one back in 15 s
  EXPECT_EQ(budget.take("c", kT0 + seconds(15)), 0);
}

TEST(RateBudget, ZeroMeansUnlimited) {
  RateBudget off(0, 0);
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(off.take("10.0.0.1", kT0), 0);
  EXPECT_EQ(off.addresses_tracked(), 0u);
  RateBudget global_only(0, 2);
  EXPECT_EQ(global_only.take("a", kT0), 0);
  EXPECT_EQ(global_only.take("b", kT0), 0);
  EXPECT_EQ(global_only.take("c", kT0), 30);
}

TEST(RateBudget, AClockSetBackNeitherRefillsNorRefusesForever) {
  RateBudget budget(1, 0);
  EXPECT_EQ(budget.take("a", kT0), 0);
  EXPECT_EQ(budget.take("a", kT0 - seconds(3600)), 60);
  EXPECT_EQ(budget.take("a", kT0 + seconds(60)), 0);
}

TEST(RateBudget, MemoryStaysBoundedAndRefilledAddressesAreForgotten) {
  RateBudget budget(10, 0, /*max_addresses=*/1000);
  for (int i = 0; i < 50000; ++i) {
    ASSERT_EQ(budget.take("10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256), kT0 + seconds(i / 100)), 0);
    ASSERT_LE(budget.addresses_tracked(), 1000u);
  }
  // An address seen a minute ago has a full bucket again, whether or not it was forgotten.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(budget.take("10.1.0.0", kT0 + seconds(600)), 0) << i;
}

TEST(RateBudget, ManyThreadsNeverGetMoreThanTheBudget) {
  RateBudget budget(0, 1000);
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i)
        if (budget.take("10.0.0." + std::to_string(t), kT0) == 0) ++admitted;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(admitted.load(), 1000);
}

TEST(RequestBudgetLimits, ConfigSetsEachBudgetAndRefusesUnknownNames) {
  app::Limits limits;
  std::string error;
  ASSERT_TRUE(app::apply_limits(nlohmann::json::parse(R"({"request_budgets": {"captcha": {"per_ip_per_minute": 5},
      "oidc_authorize": {"per_minute": 7}}, "captcha_pool_size": 0})"), limits, error)) << error;
  const auto& captcha = limits.request_budgets[static_cast<std::size_t>(app::RequestBudget::Captcha)];
  EXPECT_EQ(captcha.per_ip_per_minute, 5);
  EXPECT_EQ(captcha.per_minute, app::kDefaultRequestBudgets[0].per_minute);  // untouched
  EXPECT_EQ(limits.request_budgets[static_cast<std::size_t>(app::RequestBudget::OidcAuthorize)].per_minute, 7);
  EXPECT_EQ(limits.captcha_pool_size, 0);
  EXPECT_STREQ(app::request_budget_name(app::RequestBudget::SmsSend), "sms_send");

  for (const char* bad : {R"({"request_budgets": {"captchas": {"per_minute": 1}}})",
                          R"({"request_budgets": {"captcha": {"per_hour": 1}}})",
                          R"({"request_budgets": {"captcha": {"per_minute": -1}}})",
                          R"({"request_budgets": {"captcha": 5}})", R"({"request_budgets": []})"}) {
    error.clear();
    app::Limits untouched;
    EXPECT_FALSE(app::apply_limits(nlohmann::json::parse(bad), untouched, error)) << bad;
    EXPECT_NE(error.find("limits.request_budgets"), std::string::npos) << error;
  }
}

TEST(CaptchaPool, HandsOutEachDrawnImageOnceAndRefillsInTheBackground) {
  captcha::CaptchaPool pool(8);
  EXPECT_EQ(pool.ready(), 0u);  // nothing drawn before the first captcha is wanted
  std::set<std::string> images;
  images.insert(pool.take().png);  // drawn on the spot, and the drawing thread starts
  const auto deadline = std::chrono::steady_clock::now() + seconds(20);
  while (pool.ready() < pool.capacity() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(pool.ready(), pool.capacity());
  for (int i = 0; i < 8; ++i) {
    const captcha::Captcha c = pool.take();
    EXPECT_FALSE(c.answer.empty());
    EXPECT_TRUE(images.insert(c.png).second) << "an image went out twice";
  }
  EXPECT_LE(pool.ready(), pool.capacity());
}

}  // namespace
}  // namespace uia
