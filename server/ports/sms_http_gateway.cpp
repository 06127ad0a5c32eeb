#include "ports/sms_http_gateway.h"

#include "ports/provider_reply.h"
#include "ports/request_signing.h"

namespace uia::ports {

SmsHttpGateway::SmsHttpGateway(SmsHttpConfig config, std::shared_ptr<const Clock> clock)
    : config_(std::move(config)),
      clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()),
      client_(client_options_for(config_)) {}

SmsSendResult SmsHttpGateway::send(const SmsMessage& message) {
  const auto purpose_template = config_.purpose_templates.find(message.purpose);
  const std::string& template_id =
      purpose_template != config_.purpose_templates.end() ? purpose_template->second : config_.template_id;

  nlohmann::json body = {
      {"phone", message.phone},
      {"template_id", template_id},
      {"params", {{"code", message.code}}},
      {"sign_name", config_.sign_name},
  };
  const auto signature =
      sign_request_body(body, config_.app_id, config_.app_secret, {"phone", "template_id"}, clock_->now());
  const auto response = client_.post("", body, {{"X-Signature", signature}});

  SmsSendResult result;
  if (response.transport_ok && response.status == 200 && response.json_ok && provider_code_ok(response.json)) {
    result.delivered = true;
    result.provider_message_id = text_field(response.json, "message_id");
  } else {
    result.error = describe_failure("sms gateway", response);
  }
  return result;
}

}  // namespace uia::ports
