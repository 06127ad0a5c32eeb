#include "ports/face_http_verifier.h"

#include <algorithm>
#include <cctype>

#include "ports/provider_reply.h"
#include "ports/request_signing.h"

namespace uia::ports {

FaceHttpVerifier::FaceHttpVerifier(FaceHttpConfig config, std::shared_ptr<const Clock> clock)
    : config_(std::move(config)),
      clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()),
      client_(client_options_for(config_)) {}

FaceTicket FaceHttpVerifier::start(const FaceCheckRequest& request) {
  nlohmann::json body = {
      {"name", request.name},
      {"id_number", request.id_number},
      {"purpose", request.purpose},
      {"callback_url", config_.callback_url},
  };
  const auto signature = sign_request_body(body, config_.app_id, config_.app_secret,
                                           {"name", "id_number", "purpose", "callback_url"}, clock_->now());
  const auto response = client_.post("", body, {{"X-Signature", signature}});

  FaceTicket ticket;
  if (response.transport_ok && response.status == 200 && response.json_ok && provider_code_ok(response.json)) {
    ticket.ticket = text_field(response.json, "ticket");
    ticket.start_url = text_field(response.json, "start_url");
    if (!ticket.ticket.empty() && !ticket.start_url.empty()) {
      ticket.ok = true;
      return ticket;
    }
    ticket.ticket.clear();
    ticket.start_url.clear();
    ticket.error = "face service: reply without ticket or start_url";
    return ticket;
  }
  ticket.error = describe_failure("face service", response);
  return ticket;
}

bool verify_face_callback(std::string_view secret, std::string_view body, std::string_view signature_header) {
  if (secret.empty()) return false;
  std::string presented(signature_header);
  // Tolerate surrounding whitespace and upper-case hex; the comparison itself stays constant-time.
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  presented.erase(presented.begin(), std::find_if(presented.begin(), presented.end(), not_space));
  presented.erase(std::find_if(presented.rbegin(), presented.rend(), not_space).base(), presented.end());
  std::transform(presented.begin(), presented.end(), presented.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return constant_time_equals(hmac_sha256_hex(secret, body), presented);
}

std::optional<FaceCallback> parse_face_callback(std::string_view body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return std::nullopt;
  const auto ticket = json.find("ticket");
  const auto result = json.find("result");
  if (ticket == json.end() || !ticket->is_string() || ticket->get_ref<const std::string&>().empty()) return std::nullopt;
  if (result == json.end() || !result->is_string()) return std::nullopt;
  FaceCallback callback;
  callback.ticket = ticket->get<std::string>();
  if (*result == "pass") {
    callback.result = FaceResult::Pass;
  } else if (*result == "fail") {
    callback.result = FaceResult::Fail;
  } else {
    return std::nullopt;
  }
  return callback;
}

}  // namespace uia::ports
