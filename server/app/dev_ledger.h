// Dev mode only: what the simulators know and tests may read back (captcha answers). In
// production this object does not exist (Services::dev_ledger is null).
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace uia::app {

class DevLedger {
 public:
  void remember_captcha(const std::string& id, const std::string& answer) {
    std::lock_guard lock(mutex_);
    if (captcha_answers_.size() > 10000) captcha_answers_.clear();
    captcha_answers_[id] = answer;
  }
  std::optional<std::string> captcha_answer(const std::string& id) const {
    std::lock_guard lock(mutex_);
    const auto it = captcha_answers_.find(id);
    return it == captcha_answers_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> captcha_answers_;
};

}  // namespace uia::app
