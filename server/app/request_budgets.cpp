#include "app/request_budgets.h"

namespace uia::app {
namespace {
// Per budget: a few MB at most (an entry is an address and a bucket).
constexpr std::size_t kMostAddressesPerBudget = 50000;
}  // namespace

RequestBudgets::RequestBudgets(const Limits& limits) {
  for (std::size_t i = 0; i < kRequestBudgetCount; ++i)
    budgets_[i] = std::make_unique<runtime::RateBudget>(limits.request_budgets[i].per_ip_per_minute,
                                                        limits.request_budgets[i].per_minute, kMostAddressesPerBudget);
}

long long RequestBudgets::take(RequestBudget budget, const std::string& client_ip, std::chrono::system_clock::time_point now) {
  return budgets_[static_cast<std::size_t>(budget)]->take(client_ip, now);
}

}  // namespace uia::app
