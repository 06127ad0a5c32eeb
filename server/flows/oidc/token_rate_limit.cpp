#include "flows/oidc/token_rate_limit.h"

#include <string>

#include "api/error_code.h"
#include "flows/oidc/oauth_http.h"

namespace uia::flows::oidc {

TokenRateLimit::Verdict TokenRateLimit::take(const std::string& client_id, long long now) {
  const long long minute = now / 60;
  std::lock_guard lock(mutex_);
  Window& w = windows_[client_id];
  if (w.minute != minute) w = Window{minute, 0, false};
  if (w.used < per_minute_) {
    ++w.used;
    return {};
  }
  const bool first = !w.refused;
  w.refused = true;
  return {60 - now % 60, first};
}

http::ApiResponse too_many_token_requests(long long retry_after) {
  http::ApiResponse out = no_store_json(
      429, {{"error", "slow_down"},
            {"error_description", "too many token requests from this client; retry after " + std::to_string(retry_after) + " s"},
            {"code", std::string(code_name(ErrorCode::TooManyRequests))},
            {"message", std::string(message_zh(ErrorCode::TooManyRequests))},
            {"retry_after", retry_after}});
  out.headers.emplace_back("Retry-After", std::to_string(retry_after));
  return out;
}

}  // namespace uia::flows::oidc
