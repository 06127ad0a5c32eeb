// The real back-channel logout adapter: one form POST per client with libcurl; TLS verified,
// no redirects followed, short timeouts (a slow business system must not hold the person's
// sign-out for long). Config "ports": {"backchannel_logout": {"adapter": "http", "timeout_ms",
// "connect_timeout_ms", "ca_file"}}; the endpoints are the clients' registered URIs.
#pragma once
#include "ports/backchannel_logout.h"

namespace uia::ports {

struct BackchannelHttpConfig {
  long timeout_ms = 3000;
  long connect_timeout_ms = 2000;
  std::string ca_file;  // optional PEM bundle
};

class BackchannelLogoutHttp final : public BackchannelLogout {
 public:
  explicit BackchannelLogoutHttp(BackchannelHttpConfig config);
  LogoutDelivery deliver(const std::string& uri, const std::string& logout_token) override;

 private:
  BackchannelHttpConfig config_;
};

}  // namespace uia::ports
