#include "ports/identity_http_verifier.h"

#include <iostream>

#include "ports/provider_reply.h"
#include "ports/request_signing.h"

namespace uia::ports {

IdentityHttpVerifier::IdentityHttpVerifier(IdentityHttpConfig config, std::shared_ptr<const Clock> clock)
    : config_(std::move(config)),
      clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()),
      client_(client_options_for(config_)) {}

IdentityCheck IdentityHttpVerifier::verify(const IdentityQuery& query) {
  nlohmann::json body = {{"name", query.name}, {"id_type", query.id_type}, {"id_number", query.id_number}};
  const auto signature = sign_request_body(body, config_.app_id, config_.app_secret,
                                           {"name", "id_type", "id_number"}, clock_->now());
  const auto response = client_.post("", body, {{"X-Signature", signature}});
  const auto& reply = response.json;
  const bool answered = response.transport_ok && response.status == 200 && response.json_ok;
  // A reply without "code" is accepted; one with a failing code is not an answer about the person.
  const bool code_ok = answered && (!reply.is_object() || !reply.contains("code") || provider_code_ok(reply));
  const auto match = reply.find("match");  // end() for non-objects too
  if (!code_ok || match == reply.end() || !match->is_boolean()) {
    // The reason goes to the operator log (no name or ID number in it); the citizen sees "try later".
    std::cerr << "uia: " << describe_failure("identity service", response)
              << (code_ok ? ", no boolean \"match\" in the reply" : "") << '\n';
    return IdentityCheck::Unavailable;
  }
  return match->get<bool>() ? IdentityCheck::Match : IdentityCheck::Mismatch;
}

}  // namespace uia::ports
