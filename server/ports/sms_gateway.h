// Sending SMS. The real adapter posts to the provincial SMS platform (endpoint, app id, HMAC
// signature, timeout from configuration); the simulator keeps messages in memory so dev mode
// and tests can read the code (GET /api/dev/sms). The simulator is never built in production.
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace uia::ports {

struct SmsMessage {
  std::string phone;    // 11-digit mainland mobile number
  std::string purpose;  // register, activate, login, recover, change_phone, delete_account, ...
  std::string code;     // the one-time code (also inside text)
  std::string text;     // the full zh-CN message body
};

struct SmsSendResult {
  bool delivered = false;
  std::string provider_message_id;
  std::string error;  // operator-facing; never shown to the user
};

class SmsGateway {
 public:
  virtual ~SmsGateway() = default;
  virtual SmsSendResult send(const SmsMessage& message) = 0;
};

struct SentSms {
  SmsMessage message;
  std::chrono::system_clock::time_point sent_at;
};

}  // namespace uia::ports
