#include "ports/mail_simulator.h"

#include <algorithm>
#include <cctype>

namespace uia::ports {
namespace {

bool same_address(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

MailSimulator::MailSimulator(std::shared_ptr<const Clock> clock, std::size_t capacity)
    : clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()), capacity_(capacity == 0 ? 1 : capacity) {}

MailSendResult MailSimulator::send(const MailMessage& message) {
  MailSendResult result;
  const std::lock_guard lock(mutex_);
  if (failing_) {
    result.error = "mail simulator: simulated relay failure";
    return result;
  }
  sent_.push_back(SentMail{message, clock_->now()});
  while (sent_.size() > capacity_) sent_.pop_front();
  result.delivered = true;
  result.provider_message_id = "sim-mail-" + std::to_string(next_id_++);
  return result;
}

std::vector<SentMail> MailSimulator::messages_for(const std::string& to) const {
  const std::lock_guard lock(mutex_);
  std::vector<SentMail> out;
  for (auto it = sent_.rbegin(); it != sent_.rend(); ++it) {
    if (same_address(it->message.to, to)) out.push_back(*it);
  }
  return out;
}

void MailSimulator::clear() {
  const std::lock_guard lock(mutex_);
  sent_.clear();
}

void MailSimulator::set_failing(bool failing) {
  const std::lock_guard lock(mutex_);
  failing_ = failing;
}

}  // namespace uia::ports
