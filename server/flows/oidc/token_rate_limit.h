// Token endpoint requests per client and minute (oidc.token_requests_per_minute, default 1200):
// a business system that loops on the token endpoint (a bug, a stolen secret being tried out
// against codes) is told to slow down before it takes the database's write capacity from
// everyone else. Counted after the client has authenticated, so no one else can spend a
// confidential client's budget. Kept in memory per server process (a fixed window per clock
// minute): with several instances each allows the budget; the point is a bound, not billing.
#pragma once
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/api.h"

namespace uia::flows::oidc {

class TokenRateLimit {
 public:
  explicit TokenRateLimit(long long per_minute) : per_minute_(per_minute) {}
  struct Verdict {
    long long retry_after = 0;  // 0: the request may go on (and was counted)
    bool first_refusal = false;  // the client's first refusal this minute (audited once)
  };
  // Counts one request of `client_id` at `now` (seconds); a refused one is not counted.
  Verdict take(const std::string& client_id, long long now);

 private:
  struct Window {
    long long minute = 0;
    long long used = 0;
    bool refused = false;
  };
  const long long per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;  // one per client that authenticated
};

// 429 in the token endpoint's RFC 6749 shape ("error": "slow_down", as RFC 8628 names a client
// asking too often) plus the platform's code and zh-CN message (TOO_MANY_REQUESTS) and
// retry_after, with a Retry-After header.
http::ApiResponse too_many_token_requests(long long retry_after);

}  // namespace uia::flows::oidc
