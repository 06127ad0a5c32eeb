// Dev mode and tests only: records each back-channel logout call instead of sending it, so a
// test can check which clients heard of a sign-out and verify the logout token. make_ports
// refuses it in production.
#pragma once
#include <mutex>
#include <string>
#include <vector>

#include "ports/backchannel_logout.h"

namespace uia::ports {

struct LogoutCall {
  std::string uri;
  std::string logout_token;
};

class BackchannelLogoutSimulator final : public BackchannelLogout {
 public:
  LogoutDelivery deliver(const std::string& uri, const std::string& logout_token) override;
  std::vector<LogoutCall> calls() const;  // oldest first

 private:
  mutable std::mutex mutex_;
  std::vector<LogoutCall> calls_;
};

}  // namespace uia::ports
