// The real name + ID number check against the provincial population-data service (公安人口库).
//
// Request:  {"app_id", "timestamp", "nonce", "name", "id_type", "id_number", "signature"},
//           signed over app_id, id_number, id_type, name, nonce, timestamp (request_signing.h).
// Reply:    HTTP 200 and {"code": "0" | "OK", "match": true | false}.
// Anything else (transport error, timeout, 4xx/5xx, malformed JSON, a provider error code or a
// missing "match") is Unavailable: we never tell a citizen their name is wrong unless the
// service said so.
#pragma once
#include <memory>
#include <string>

#include "ports/clock.h"
#include "ports/http_json_client.h"
#include "ports/identity_verifier.h"

namespace uia::ports {

struct IdentityHttpConfig {
  std::string endpoint;
  std::string app_id;
  std::string app_secret;
  long timeout_ms = 5000;
  long connect_timeout_ms = 2000;
  std::string ca_file;
};

class IdentityHttpVerifier final : public IdentityVerifier {
 public:
  explicit IdentityHttpVerifier(IdentityHttpConfig config, std::shared_ptr<const Clock> clock = nullptr);
  IdentityCheck verify(const IdentityQuery& query) override;

 private:
  IdentityHttpConfig config_;
  std::shared_ptr<const Clock> clock_;
  HttpJsonClient client_;
};

}  // namespace uia::ports
