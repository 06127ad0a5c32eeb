// An upstream OpenID Connect provider as the platform calls it from the server side (the
// browser part, authorize, needs no port): the token endpoint, its JWKS and its userinfo.
// One instance per configured provider (flows/upstream/upstream_providers.h).
//
// There is no simulator: the only test double worth having is a real provider, and UIA is
// one (tests/server/rest_upstream_test.cpp runs a second in-process UIA as the upstream).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace uia::ports {

enum class UpstreamOutcome {
  Ok,           // 200 with a JSON object
  Refused,      // a 4xx answer: the provider said no (bad code, bad client, bad token)
  Unavailable,  // no answer, a timeout, a 5xx or a body that is not a JSON object
};

struct UpstreamReply {
  UpstreamOutcome outcome = UpstreamOutcome::Unavailable;
  bool timed_out = false;
  std::string detail;   // operator-facing: the transport error or the OAuth error code
  nlohmann::json json;  // the body (an object when Ok; may carry {"error"} when Refused)
};

class UpstreamOidc {
 public:
  virtual ~UpstreamOidc() = default;
  // authorization_code grant with client_secret_basic and the PKCE verifier.
  virtual UpstreamReply exchange_code(const std::string& code, const std::string& code_verifier) const = 0;
  virtual UpstreamReply fetch_jwks() const = 0;
  // Outcome Refused when the provider has no userinfo endpoint configured.
  virtual UpstreamReply userinfo(const std::string& access_token) const = 0;
};

}  // namespace uia::ports
