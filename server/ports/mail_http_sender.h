// The real e-mail adapter: a signed JSON POST to the provincial mail relay (邮件网关), which
// sends from the platform's registered sender address. SMTP stays behind the relay, so the
// platform needs no mail credentials and speaks one signed protocol to every provider.
//
// Request:  {"app_id", "timestamp", "nonce", "from", "from_name", "to", "subject", "text",
//            "signature"}, signed over app_id, from, nonce, subject, timestamp, to
//            (see request_signing.h).
// Success:  HTTP 200 and {"code": "0" | "OK", "message_id": "..."}; anything else is a failure
//           whose operator-facing reason lands in MailSendResult::error.
#pragma once
#include <memory>
#include <string>

#include "ports/clock.h"
#include "ports/http_json_client.h"
#include "ports/mail_sender.h"

namespace uia::ports {

struct MailHttpConfig {
  std::string endpoint;   // full URL of the relay's send API
  std::string app_id;
  std::string app_secret;
  std::string from;       // registered sender, e.g. "noreply@uia.example.gov.cn"
  std::string from_name;  // optional display name, e.g. "统一身份认证平台"
  long timeout_ms = 5000;
  long connect_timeout_ms = 2000;
  std::string ca_file;    // optional PEM bundle
};

class MailHttpSender final : public MailSender {
 public:
  // `clock` stamps the signed timestamp; null means the system clock.
  explicit MailHttpSender(MailHttpConfig config, std::shared_ptr<const Clock> clock = nullptr);
  MailSendResult send(const MailMessage& message) override;

 private:
  MailHttpConfig config_;
  std::shared_ptr<const Clock> clock_;
  HttpJsonClient client_;
};

}  // namespace uia::ports
