// The outside world's time, behind an interface so tests can freeze it (like LevelDB's Env).
#pragma once
#include <chrono>

#include "policy/date.h"

namespace uia {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
  // The civil date in the platform's time zone (China Standard Time, UTC+8, no DST): this is
  // the "today" that ages, ID expiry and birth dates are judged against.
  Date today() const;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace uia

namespace uia {

// A clock that only moves when told to: tests and the dev simulators use it.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::system_clock::time_point start) : now_(start) {}
  std::chrono::system_clock::time_point now() const override { return now_; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_;
};

}  // namespace uia
