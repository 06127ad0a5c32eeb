#include "ports/sms_simulator.h"

namespace uia::ports {

SmsSimulator::SmsSimulator(std::shared_ptr<const Clock> clock, std::size_t capacity)
    : clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()), capacity_(capacity == 0 ? 1 : capacity) {}

SmsSendResult SmsSimulator::send(const SmsMessage& message) {
  SmsSendResult result;
  const std::lock_guard lock(mutex_);
  if (failing_) {
    result.error = "sms simulator: simulated gateway failure";
    return result;
  }
  sent_.push_back(SentSms{message, clock_->now()});
  while (sent_.size() > capacity_) sent_.pop_front();
  result.delivered = true;
  result.provider_message_id = "sim-" + std::to_string(next_id_++);
  return result;
}

std::vector<SentSms> SmsSimulator::messages_for(const std::string& phone) const {
  const std::lock_guard lock(mutex_);
  std::vector<SentSms> out;
  for (auto it = sent_.rbegin(); it != sent_.rend(); ++it) {
    if (it->message.phone == phone) out.push_back(*it);
  }
  return out;
}

std::vector<SentSms> SmsSimulator::all_messages() const {
  const std::lock_guard lock(mutex_);
  return {sent_.rbegin(), sent_.rend()};
}

void SmsSimulator::clear() {
  const std::lock_guard lock(mutex_);
  sent_.clear();
}

void SmsSimulator::set_failing(bool failing) {
  const std::lock_guard lock(mutex_);
  failing_ = failing;
}

}  // namespace uia::ports
