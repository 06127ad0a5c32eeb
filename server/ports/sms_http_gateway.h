// The real SMS adapter: a signed JSON POST to the provincial SMS platform, which fills the
// registered template (模板) with the code and prefixes the registered signature (短信签名).
//
// Request:  {"app_id", "timestamp", "nonce", "phone", "template_id", "params": {"code"},
//            "sign_name", "signature"}, signed over app_id, nonce, phone, template_id, timestamp
//            (see request_signing.h).
// Success:  HTTP 200 and {"code": "0" | "OK", "message_id": "..."}; anything else is a failure
//           whose operator-facing reason lands in SmsSendResult::error.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "ports/clock.h"
#include "ports/http_json_client.h"
#include "ports/sms_gateway.h"

namespace uia::ports {

struct SmsHttpConfig {
  std::string endpoint;     // full URL of the send API
  std::string app_id;
  std::string app_secret;
  std::string sign_name;    // 短信签名 as registered, e.g. "【统一身份认证】"
  std::string template_id;  // default template
  // Per-purpose templates ("register" -> "SMS_1001"); purposes not listed use template_id.
  std::map<std::string, std::string> purpose_templates;
  long timeout_ms = 5000;
  long connect_timeout_ms = 2000;
  std::string ca_file;      // optional PEM bundle
};

class SmsHttpGateway final : public SmsGateway {
 public:
  // `clock` stamps the signed timestamp; null means the system clock.
  explicit SmsHttpGateway(SmsHttpConfig config, std::shared_ptr<const Clock> clock = nullptr);
  SmsSendResult send(const SmsMessage& message) override;

 private:
  SmsHttpConfig config_;
  std::shared_ptr<const Clock> clock_;
  HttpJsonClient client_;
};

}  // namespace uia::ports
