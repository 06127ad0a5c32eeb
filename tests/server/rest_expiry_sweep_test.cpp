// Storage anyone can fill without signing in stays bounded (issue 20, part 4): the expiry sweep
// deletes expired captchas, codes past their daily counting, old sign-in failures and QR-code
// logins, and keeps everything still read.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "flows/expiry/expired_rows.h"
#include "rest_test_support.h"

namespace uia::rest {
namespace {
using std::chrono::hours;
using std::chrono::seconds;

using RestExpirySweep = RestTest;

TEST_F(RestExpirySweep, DeletesWhatExpiredAndKeepsWhatIsStillRead) {
  const Captcha unanswered = captcha();
  ASSERT_EQ(request_sms(unique_phone(), "register").status, 202);
  ASSERT_EQ(login("nobody-here", "Wrong#12345").status, 401);
  ASSERT_EQ(post("/api/v1/qr-logins", {{"origin", "http://127.0.0.1:8080"}}).status, 201);
  ASSERT_EQ(count_rows("captchas"), 3);

  advance(seconds(121));  // the captchas' 120 s are over, the rest is still counted
  const Captcha live = captcha();
  flows::SweptRows swept = flows::sweep_expired_rows(platform_->services);
  EXPECT_EQ(swept.captchas, 3);
  EXPECT_EQ(count_rows("captchas"), 1);
  EXPECT_EQ(count_rows("captchas", "id = '" + live.id + "'"), 1);
  EXPECT_EQ(swept.sms_codes + swept.login_failures + swept.qr_logins, 0);
  EXPECT_EQ(count_rows("sms_codes"), 1);  // the per-phone and per-day limits still count it
  EXPECT_EQ(count_rows("login_failures"), 1);
  EXPECT_EQ(count_rows("qr_logins"), 1);

  advance(hours(25));
  ASSERT_EQ(request_sms(unique_phone(), "register").status, 202);
  ASSERT_EQ(login("nobody-else", "Wrong#12345").status, 401);
  swept = flows::sweep_expired_rows(platform_->services);
  EXPECT_EQ(swept.captchas, 1);  // `live` expired meanwhile; today's two are not
  EXPECT_EQ(count_rows("captchas"), 2);
  EXPECT_EQ(swept.sms_codes, 1);
  EXPECT_EQ(count_rows("sms_codes"), 1);
  EXPECT_EQ(swept.login_failures, 1);
  EXPECT_EQ(count_rows("login_failures"), 1);
  EXPECT_EQ(swept.qr_logins, 1);
  EXPECT_EQ(count_rows("qr_logins"), 0);
  (void)unanswered;
}

// The server sweeps on its own, every limits.expiry_sweep_seconds.
class RestPeriodicSweep : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    config.config_file = dir_ / "uia.json";
    std::ofstream(config.config_file) << R"({"limits": {"expiry_sweep_seconds": 1}})";
  }
};

TEST_F(RestPeriodicSweep, RunsInTheBackground) {
  captcha();
  advance(seconds(121));
  const auto deadline = std::chrono::steady_clock::now() + seconds(10);
  while (count_rows("captchas") > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(count_rows("captchas"), 0);
}

}  // namespace
}  // namespace uia::rest
