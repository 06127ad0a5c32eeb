// The request budgets of the anonymous endpoints (limits.request_budgets), one RateBudget per
// kind of request; a route names its kind in app/routes.cpp and is refused with 429
// TOO_MANY_REQUESTS and Retry-After past it, before the request takes a worker.
#pragma once
#include <array>
#include <chrono>
#include <memory>
#include <string>

#include "app/limits.h"
#include "runtime/rate_budget.h"

namespace uia::app {

class RequestBudgets {
 public:
  explicit RequestBudgets(const Limits& limits);
  // 0 when the request may go on (it was counted), else the seconds to wait.
  long long take(RequestBudget budget, const std::string& client_ip, std::chrono::system_clock::time_point now);

 private:
  std::array<std::unique_ptr<runtime::RateBudget>, kRequestBudgetCount> budgets_;
};

}  // namespace uia::app
