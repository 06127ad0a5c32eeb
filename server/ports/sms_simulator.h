// Dev mode and tests only: an SmsGateway that delivers into memory, so GET /api/dev/sms and
// tests can read the code a citizen would have received. make_ports refuses it in production.
#pragma once
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ports/clock.h"
#include "ports/sms_gateway.h"

namespace uia::ports {

class SmsSimulator final : public SmsGateway {
 public:
  // Keeps the newest `capacity` messages across all phones; `clock` stamps sent_at (null means
  // the system clock). Thread-safe.
  explicit SmsSimulator(std::shared_ptr<const Clock> clock = nullptr, std::size_t capacity = 1000);

  SmsSendResult send(const SmsMessage& message) override;

  // Newest first.
  std::vector<SentSms> messages_for(const std::string& phone) const;
  std::vector<SentSms> all_messages() const;
  void clear();
  // While failing, send() delivers nothing and reports an error, like a platform outage.
  void set_failing(bool failing);

 private:
  std::shared_ptr<const Clock> clock_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<SentSms> sent_;  // oldest at the front
  std::size_t next_id_ = 1;
  bool failing_ = false;
};

}  // namespace uia::ports
