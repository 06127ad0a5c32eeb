// Dev mode and tests only: a MailSender that delivers into memory, so GET /api/dev/mail and
// tests can read the code a citizen would have received. make_ports refuses it in production.
#pragma once
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ports/clock.h"
#include "ports/mail_sender.h"

namespace uia::ports {

class MailSimulator final : public MailSender {
 public:
  // Keeps the newest `capacity` messages across all recipients; `clock` stamps sent_at (null
  // means the system clock). Thread-safe.
  explicit MailSimulator(std::shared_ptr<const Clock> clock = nullptr, std::size_t capacity = 1000);

  MailSendResult send(const MailMessage& message) override;

  // Newest first; the address is compared case-insensitively.
  std::vector<SentMail> messages_for(const std::string& to) const;
  void clear();
  // While failing, send() delivers nothing and reports an error, like a relay outage.
  void set_failing(bool failing);

 private:
  std::shared_ptr<const Clock> clock_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<SentMail> sent_;  // oldest at the front
  std::size_t next_id_ = 1;
  bool failing_ = false;
};

}  // namespace uia::ports
