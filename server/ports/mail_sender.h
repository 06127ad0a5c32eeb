// Sending e-mail (verification codes for binding an address and for password recovery). The
// real adapter posts to the provincial mail relay (endpoint, app id, HMAC signature, timeout
// from configuration, like the SMS platform); the simulator keeps messages in memory so dev mode
// and tests can read the code (GET /api/dev/mail). The simulator is never built in production.
#pragma once
#include <chrono>
#include <string>

namespace uia::ports {

struct MailMessage {
  std::string to;       // the recipient address
  std::string purpose;  // verify_email, recover
  std::string code;     // the one-time code (also inside text)
  std::string subject;  // zh-CN
  std::string text;     // zh-CN plain-text body
};

struct MailSendResult {
  bool delivered = false;
  std::string provider_message_id;
  std::string error;  // operator-facing; never shown to the user
};

class MailSender {
 public:
  virtual ~MailSender() = default;
  virtual MailSendResult send(const MailMessage& message) = 0;
};

struct SentMail {
  MailMessage message;
  std::chrono::system_clock::time_point sent_at;
};

}  // namespace uia::ports
