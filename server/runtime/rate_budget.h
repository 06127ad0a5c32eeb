// A request budget: how often anonymous callers may use one kind of endpoint (captcha issuing,
// SMS sending, sign-in...), as token buckets, one per client address and one for everybody.
// Each bucket holds a minute's worth of requests and refills continuously, so a person may
// click a few times in a row, and a flood is held to the per-minute rate. A request refused by
// its address's bucket does not spend the global one: a single flooding address cannot use up
// the budget every other address shares.
//
// Kept in memory per server process, on purpose: the per-address figure bounds what one client
// can make one node do (draw images, hash passwords, insert rows), which is a per-node cost; a
// shared counter in the database would put a write on the very path it protects. Limits that
// must hold across nodes (SMS per phone and per address per hour, sign-in failures per account)
// are counted in the database by their flows.
//
// Memory stays bounded: an address whose bucket has refilled is forgotten (it is the same as an
// address never seen), and the table never holds more than max_addresses entries; when it is
// full of partly used buckets it starts over, which can only be too lenient, never refuse
// someone wrongly. With a global budget only admitted requests add addresses, so a flood from
// many addresses is bounded by it too.
#pragma once
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace uia::runtime {

class RateBudget {
 public:
  using Clock = std::chrono::system_clock;
  // Requests per minute per address and for everybody together; 0 leaves that side unlimited.
  RateBudget(int per_address_per_minute, int global_per_minute, std::size_t max_addresses = 100000);

  // Counts one request from `address` at `now`. Returns 0 when it may go on (it was counted),
  // else the whole seconds to wait before the next one would be let through (at least 1).
  long long take(const std::string& address, Clock::time_point now);

  std::size_t addresses_tracked() const;

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };
  static void refill(Bucket& bucket, double capacity, Clock::time_point now);
  static long long seconds_until_one(const Bucket& bucket, double capacity);
  void remember(const std::string& address, const Bucket& bucket, Clock::time_point now);

  const double per_address_;  // per minute; also the bucket's capacity
  const double global_;
  const std::size_t max_addresses_;
  mutable std::mutex mutex_;
  Bucket global_bucket_;
  std::unordered_map<std::string, Bucket> addresses_;  // only addresses whose bucket is not full
};

}  // namespace uia::runtime
