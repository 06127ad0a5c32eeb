#include "ports/mail_http_sender.h"

#include "ports/provider_reply.h"
#include "ports/request_signing.h"

namespace uia::ports {

MailHttpSender::MailHttpSender(MailHttpConfig config, std::shared_ptr<const Clock> clock)
    : config_(std::move(config)),
      clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()),
      client_(client_options_for(config_)) {}

MailSendResult MailHttpSender::send(const MailMessage& message) {
  nlohmann::json body = {
      {"from", config_.from}, {"from_name", config_.from_name}, {"to", message.to},
      {"subject", message.subject}, {"text", message.text},
  };
  const auto signature =
      sign_request_body(body, config_.app_id, config_.app_secret, {"from", "subject", "to"}, clock_->now());
  const auto response = client_.post("", body, {{"X-Signature", signature}});

  MailSendResult result;
  if (response.transport_ok && response.status == 200 && response.json_ok && provider_code_ok(response.json)) {
    result.delivered = true;
    result.provider_message_id = text_field(response.json, "message_id");
  } else {
    result.error = describe_failure("mail relay", response);
  }
  return result;
}

}  // namespace uia::ports
