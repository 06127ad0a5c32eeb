// The four-element check against the market-regulation business registry (市场监管登记库).
//
// Request:  {"app_id", "timestamp", "nonce", "uscc", "name", "legal_rep_name",
//            "legal_rep_id_number", "signature"}, signed over app_id, legal_rep_id_number,
//           legal_rep_name, name, nonce, timestamp, uscc (request_signing.h).
// Reply:    HTTP 200 and {"code": "0" | "OK", "found": true | false, "match": true | false,
//           "entry": {"registered_address", "registered_capital", "established_date",
//                     "business_term", "business_scope", "industry", "business_status",
//                     "registration_authority"}}.
// found false -> NotYetKnown; found true and match false -> Mismatch; both true -> Confirmed.
// lookup(uscc) posts the same signed request with only "uscc" (name and representative empty)
// and reads {"code", "found", "name"}: found true with a name -> Confirmed, found false ->
// NotYetKnown.
// Anything else (transport error, timeout, 4xx/5xx, malformed JSON, a provider error code, a
// missing boolean) is Unavailable: an organisation is never told it does not match unless the
// registry said so.
#pragma once
#include <memory>
#include <string>

#include "ports/business_registry.h"
#include "ports/clock.h"
#include "ports/http_json_client.h"

namespace uia::ports {

struct RegistryHttpConfig {
  std::string endpoint;
  std::string app_id;
  std::string app_secret;
  long timeout_ms = 5000;
  long connect_timeout_ms = 2000;
  std::string ca_file;
};

class BusinessRegistryHttp final : public BusinessRegistry {
 public:
  explicit BusinessRegistryHttp(RegistryHttpConfig config, std::shared_ptr<const Clock> clock = nullptr);
  RegistryAnswer check(const RegistryQuery& query) override;
  RegistryLookup lookup(const std::string& uscc) override;

 private:
  RegistryHttpConfig config_;
  std::shared_ptr<const Clock> clock_;
  HttpJsonClient client_;
};

}  // namespace uia::ports
