#include "ports/backchannel_logout_simulator.h"

namespace uia::ports {

LogoutDelivery BackchannelLogoutSimulator::deliver(const std::string& uri, const std::string& logout_token) {
  std::lock_guard lock(mutex_);
  calls_.push_back({uri, logout_token});
  return {true, ""};
}

std::vector<LogoutCall> BackchannelLogoutSimulator::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

}  // namespace uia::ports
