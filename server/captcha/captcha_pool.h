// Captcha images drawn ahead of demand by one background thread, so that issuing a captcha
// takes one from memory and costs the request a database insert, not drawing a PNG. Each image
// leaves the pool once (take() removes it), so no two people ever see the same one. When the
// pool runs dry (a burst beyond the request budget's rate) take() draws on the caller's thread,
// as before the pool: slower, never refused. Drawing is capped at one core by design: the
// request budgets (app/request_budgets.h) keep the sustained rate well below what it draws.
// The thread starts drawing at the first take(): a process that issues no captcha (a test, a
// node behind a load balancer that sends it none) spends nothing on them.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>

#include "captcha/captcha.h"

namespace uia::captcha {

class CaptchaPool {
 public:
  explicit CaptchaPool(std::size_t capacity);  // starts the (idle) drawing thread
  ~CaptchaPool();                              // stops it (after the image it is drawing)
  CaptchaPool(const CaptchaPool&) = delete;
  CaptchaPool& operator=(const CaptchaPool&) = delete;

  Captcha take();
  std::size_t ready() const;  // images waiting in the pool
  std::size_t capacity() const { return capacity_; }

 private:
  void keep_full();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Captcha> ready_;
  bool wanted_ = false;  // a captcha has been taken
  bool stopping_ = false;
  std::thread drawer_;  // last: starts after everything it reads is set
};

}  // namespace uia::captcha
