#include "captcha/captcha_pool.h"

#include <algorithm>

namespace uia::captcha {

CaptchaPool::CaptchaPool(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)), drawer_([this] { keep_full(); }) {}

CaptchaPool::~CaptchaPool() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  drawer_.join();
}

Captcha CaptchaPool::take() {
  {
    const std::lock_guard lock(mutex_);
    if (!wanted_) {
      wanted_ = true;
      wake_.notify_one();
    }
    if (!ready_.empty()) {
      Captcha out = std::move(ready_.front());
      ready_.pop_front();
      wake_.notify_one();
      return out;
    }
  }
  return render_captcha();
}

std::size_t CaptchaPool::ready() const {
  const std::lock_guard lock(mutex_);
  return ready_.size();
}

void CaptchaPool::keep_full() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || (wanted_ && ready_.size() < capacity_); });
    if (stopping_) return;
    lock.unlock();
    Captcha drawn = render_captcha();  // outside the lock: take() never waits for a drawing
    lock.lock();
    ready_.push_back(std::move(drawn));
  }
}

}  // namespace uia::captcha
