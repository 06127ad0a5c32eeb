// The OpenID Connect provider's bounds over REST: the token endpoint's per-client budget
// (oidc.token_requests_per_minute) answers a structured 429 once a client has spent it, leaves
// other clients alone, counts only authenticated requests, is audited once per minute, and
// renews with the next minute. Expired authorization requests and codes are swept as new ones
// are written, a bounded batch at a time, codes only a day after expiry (reuse still known).
#include <fstream>

#include "flows/oidc/expiry_sweep.h"
#include "rest_oidc_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestOidcLimits : public RestOidcTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    config.config_file = dir_ / "uia.json";
    std::ofstream(config.config_file) << R"({"oidc": {"token_requests_per_minute": 3}})";
  }
  // An authenticated token request that fails on its own (unknown refresh token): it still counts.
  Reply spend(const Client& client) { return refresh(client, "not-a-refresh-token"); }
};

TEST_F(RestOidcLimits, TokenRequestsPerClientAndMinute) {
  const Client busy = register_client();
  const Client quiet = register_client({{"name", "公积金业务系统"}});
  const Browser browser = signed_in_adult();
  const Pkce p = pkce();
  // Minute windows follow the clock: start at the top of one so every request below shares it.
  advance(std::chrono::seconds(60 - platform_->services.now_seconds() % 60));

  // A wrong secret is refused before it counts: no one else can spend a client's budget.
  Client impostor = busy;
  impostor.secret = "wrong-secret";
  for (int i = 0; i < 5; ++i) expect_oauth_error(spend(impostor), 401, "invalid_client");

  for (int i = 0; i < 3; ++i) expect_oauth_error(spend(busy), 400, "invalid_grant");
  const Reply refused = spend(busy);
  EXPECT_EQ(refused.status, 429) << refused.body;
  EXPECT_EQ(refused.json.value("error", ""), "slow_down") << refused.body;
  EXPECT_EQ(refused.json.value("code", ""), "TOO_MANY_REQUESTS") << refused.body;
  EXPECT_EQ(refused.json.value("message", ""), "请求过于频繁，请稍后再试") << refused.body;
  EXPECT_EQ(refused.json.value("retry_after", 0LL), 60) << refused.body;
  EXPECT_EQ(refused.header("retry-after"), "60");

  // A real code exchange is refused as well, with the wait shrinking as the minute goes.
  const std::string code = code_for(browser, busy.id, {{"code_challenge", p.challenge}, {"code_challenge_method", "S256"}});
  advance(10s);
  const Reply also_refused = exchange(busy, code, p.verifier);
  EXPECT_EQ(also_refused.status, 429) << also_refused.body;
  EXPECT_EQ(also_refused.json.value("retry_after", 0LL), 50) << also_refused.body;

  // Other clients keep their own budget.
  expect_oauth_error(spend(quiet), 400, "invalid_grant");
  // Refusals are audited once per client and minute, not once per request.
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.token.throttled' AND target = 'oidc_client:" + busy.id + "'"), 1);

  // The next minute brings a new budget; the code, refused while over budget, was not spent.
  advance(50s);
  const Reply tokens = exchange(busy, code, p.verifier);
  EXPECT_NE(tokens.status, 429) << tokens.body;
  EXPECT_EQ(tokens.json.value("error_description", ""), "the code has expired") << tokens.body;
  EXPECT_EQ(count_rows("oidc_codes", "used_at IS NOT NULL"), 0);
}

TEST_F(RestOidcLimits, ExpiredRequestsAndCodesAreSweptOnWriteInBatches) {
  const Client client = register_client();
  // Requests that wait for a sign-in that never comes.
  for (int i = 0; i < 25; ++i) {
    const Reply waiting = get(authorize_path(client.id, {{"state", "s" + std::to_string(i)}}));
    ASSERT_EQ(waiting.status, 302) << waiting.body;
    ASSERT_EQ(waiting.header("location").rfind("/#/login?oidc=", 0), 0u) << waiting.header("location");
  }
  EXPECT_EQ(count_rows("oidc_auth_requests"), 25);
  advance(std::chrono::seconds(601));  // past the 600 s a request waits
  EXPECT_EQ(get(authorize_path(client.id, {})).status, 302);
  EXPECT_EQ(count_rows("oidc_auth_requests"), 25 - flows::oidc::kSweepBatch + 1) << "one batch per write";
  EXPECT_EQ(get(authorize_path(client.id, {})).status, 302);
  EXPECT_EQ(count_rows("oidc_auth_requests"), 2) << "the rest of the expired ones; the two live ones stay";

  // A used code is still known as used two hours on (a replay is refused as a replay)...
  const std::string old_code = code_for(signed_in_adult(), client.id);
  EXPECT_EQ(exchange(client, old_code).status, 200);
  advance(2h);
  const std::string newer_code = code_for(signed_in_adult(), client.id);
  const Reply replay = exchange(client, old_code);
  expect_oauth_error(replay, 400, "invalid_grant");
  EXPECT_EQ(replay.json.value("error_description", ""), "the code was already used") << replay.body;
  // ...and gone a day after it expired, when the next code is written; younger ones stay.
  advance(24h);
  (void)code_for(signed_in_adult(), client.id);
  EXPECT_EQ(count_rows("oidc_codes", "code_hash = '" + crypto::token_hash(old_code) + "'"), 0);
  EXPECT_EQ(count_rows("oidc_codes", "code_hash = '" + crypto::token_hash(newer_code) + "'"), 1);
  EXPECT_EQ(count_rows("oidc_codes"), 2);
}

TEST_F(RestOidcLimits, TheSettingMustBeAPositiveInteger) {
  EXPECT_THROW(flows::oidc::make_provider({{"token_requests_per_minute", 0}}, true), std::runtime_error);
  EXPECT_THROW(flows::oidc::make_provider({{"token_requests_per_minute", "many"}}, true), std::runtime_error);
  EXPECT_EQ(flows::oidc::make_provider({{"token_requests_per_minute", 50}}, true)->settings.token_requests_per_minute, 50);
  EXPECT_EQ(flows::oidc::make_provider(nullptr, true)->settings.token_requests_per_minute, 1200);
}

}  // namespace
}  // namespace uia::rest
