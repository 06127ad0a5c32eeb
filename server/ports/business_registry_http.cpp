#include "ports/business_registry_http.h"

#include <iostream>

#include "ports/provider_reply.h"
#include "ports/request_signing.h"

namespace uia::ports {

BusinessRegistryHttp::BusinessRegistryHttp(RegistryHttpConfig config, std::shared_ptr<const Clock> clock)
    : config_(std::move(config)),
      clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()),
      client_(client_options_for(config_)) {}

RegistryAnswer BusinessRegistryHttp::check(const RegistryQuery& query) {
  nlohmann::json body = {{"uscc", query.uscc},
                         {"name", query.name},
                         {"legal_rep_name", query.legal_rep_name},
                         {"legal_rep_id_number", query.legal_rep_id_number}};
  const auto signature = sign_request_body(body, config_.app_id, config_.app_secret,
                                           {"uscc", "name", "legal_rep_name", "legal_rep_id_number"}, clock_->now());
  const auto response = client_.post("", body, {{"X-Signature", signature}});
  const auto& reply = response.json;
  const bool answered = response.transport_ok && response.status == 200 && response.json_ok && reply.is_object();
  const bool code_ok = answered && (!reply.contains("code") || provider_code_ok(reply));
  const auto found = code_ok ? reply.find("found") : reply.end();
  if (!code_ok || found == reply.end() || !found->is_boolean()) {
    // The reason goes to the operator log (no names or ID numbers in it).
    std::cerr << "uia: " << describe_failure("business registry", response)
              << (code_ok ? ", no boolean \"found\" in the reply" : "") << '\n';
    return {RegistryVerdict::Unavailable, {}};
  }
  if (!found->get<bool>()) return {RegistryVerdict::NotYetKnown, {}};
  const auto match = reply.find("match");
  if (match == reply.end() || !match->is_boolean()) {
    std::cerr << "uia: business registry: HTTP 200, no boolean \"match\" in the reply\n";
    return {RegistryVerdict::Unavailable, {}};
  }
  if (!match->get<bool>()) return {RegistryVerdict::Mismatch, {}};
  RegistryAnswer out{RegistryVerdict::Confirmed, {}};
  if (const auto entry = reply.find("entry"); entry != reply.end() && entry->is_object()) {
    out.entry.registered_address = text_field(*entry, "registered_address");
    out.entry.registered_capital = text_field(*entry, "registered_capital");
    out.entry.established_date = text_field(*entry, "established_date");
    out.entry.business_term = text_field(*entry, "business_term");
    out.entry.business_scope = text_field(*entry, "business_scope");
    out.entry.industry = text_field(*entry, "industry");
    out.entry.business_status = text_field(*entry, "business_status");
    out.entry.registration_authority = text_field(*entry, "registration_authority");
  }
  return out;
}

RegistryLookup BusinessRegistryHttp::lookup(const std::string& uscc) {
  nlohmann::json body = {{"uscc", uscc}, {"name", ""}, {"legal_rep_name", ""}, {"legal_rep_id_number", ""}};
  const auto signature = sign_request_body(body, config_.app_id, config_.app_secret,
                                           {"uscc", "name", "legal_rep_name", "legal_rep_id_number"}, clock_->now());
  const auto response = client_.post("", body, {{"X-Signature", signature}});
  const auto& reply = response.json;
  const bool answered = response.transport_ok && response.status == 200 && response.json_ok && reply.is_object();
  const bool code_ok = answered && (!reply.contains("code") || provider_code_ok(reply));
  const auto found = code_ok ? reply.find("found") : reply.end();
  if (!code_ok || found == reply.end() || !found->is_boolean()) {
    std::cerr << "uia: " << describe_failure("business registry", response) << '\n';
    return {RegistryVerdict::Unavailable, {}};
  }
  if (!found->get<bool>()) return {RegistryVerdict::NotYetKnown, {}};
  const std::string name = text_field(reply, "name");
  if (name.empty()) return {RegistryVerdict::Unavailable, {}};
  return {RegistryVerdict::Confirmed, name};
}

}  // namespace uia::ports
