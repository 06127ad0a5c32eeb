#include "runtime/rate_budget.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace uia::runtime {

RateBudget::RateBudget(int per_address_per_minute, int global_per_minute, std::size_t max_addresses)
    : per_address_(std::max(0, per_address_per_minute)),
      global_(std::max(0, global_per_minute)),
      max_addresses_(std::max<std::size_t>(2, max_addresses)) {
  global_bucket_.tokens = global_;
}

void RateBudget::refill(Bucket& bucket, double capacity, Clock::time_point now) {
  // A clock set back refills nothing rather than taking tokens away.
  const double elapsed = std::max(0.0, std::chrono::duration<double>(now - bucket.updated).count());
  bucket.tokens = std::min(capacity, bucket.tokens + elapsed * capacity / 60.0);
  bucket.updated = std::max(bucket.updated, now);
}

long long RateBudget::seconds_until_one(const Bucket& bucket, double capacity) {
  // Less a hair: 0.95 tokens must wait 1 s, not 2 because the sum came out 1.0000000000000009.
  return std::max(1LL, static_cast<long long>(std::ceil((1.0 - bucket.tokens) * 60.0 / capacity - 1e-9)));
}

long long RateBudget::take(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Bucket own{per_address_, now};  // an address not in the table has a full bucket
  const auto found = per_address_ > 0 ? addresses_.find(address) : addresses_.end();
  if (found != addresses_.end()) {
    own = found->second;
    refill(own, per_address_, now);
  }
  if (per_address_ > 0 && own.tokens < 1.0) return seconds_until_one(own, per_address_);
  if (global_ > 0) {
    refill(global_bucket_, global_, now);
    if (global_bucket_.tokens < 1.0) return seconds_until_one(global_bucket_, global_);
    global_bucket_.tokens -= 1.0;
  }
  if (per_address_ > 0) {
    own.tokens -= 1.0;
    if (found != addresses_.end()) found->second = own;
    else remember(address, own, now);
  }
  return 0;
}

void RateBudget::remember(const std::string& address, const Bucket& bucket, Clock::time_point now) {
  if (addresses_.size() >= max_addresses_) {
    for (auto it = addresses_.begin(); it != addresses_.end();) {
      refill(it->second, per_address_, now);
      it = it->second.tokens >= per_address_ ? addresses_.erase(it) : std::next(it);
    }
    // Still mostly full: start over rather than scan again on every new address.
    if (addresses_.size() >= max_addresses_ / 2) addresses_.clear();
  }
  addresses_.emplace(address, bucket);
}

std::size_t RateBudget::addresses_tracked() const {
  std::lock_guard lock(mutex_);
  return addresses_.size();
}

}  // namespace uia::runtime
