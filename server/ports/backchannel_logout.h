// OpenID Connect Back-Channel Logout 1.0: telling a business system that a person's sign-in
// session ended, by POSTing a signed logout token (a JWS the provider made, so the request
// carries its own signature) to the client's registered backchannel_logout_uri. The real adapter
// speaks HTTP with timeouts; the simulator records calls for dev mode and tests and is refused
// in production (make_ports).
#pragma once
#include <string>

namespace uia::ports {

struct LogoutDelivery {
  bool delivered = false;  // the client answered 200 or 204
  std::string error;       // operator-facing, for the audit detail
};

class BackchannelLogout {
 public:
  virtual ~BackchannelLogout() = default;
  // POST uri, application/x-www-form-urlencoded "logout_token=<jws>".
  virtual LogoutDelivery deliver(const std::string& uri, const std::string& logout_token) = 0;
};

}  // namespace uia::ports
