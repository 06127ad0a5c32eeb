#include "http/connection_limit.h"

namespace uia::http {

ConnectionLimit::ConnectionLimit(std::size_t per_address) : per_address_(per_address) {}

std::shared_ptr<void> ConnectionLimit::admit(const std::string& address) {
  {
    std::lock_guard lock(state_->mutex);
    std::size_t& count = state_->open[address];
    if (per_address_ > 0 && count >= per_address_) {
      if (count == 0) state_->open.erase(address);
      return nullptr;
    }
    ++count;
  }
  // The ticket is the address itself; its deleter gives the place back (and forgets addresses
  // that hold nothing, so the map stays as small as the set of connected clients).
  return std::shared_ptr<void>(new std::string(address), [state = state_](void* p) {
    std::unique_ptr<std::string> held(static_cast<std::string*>(p));
    std::lock_guard lock(state->mutex);
    const auto it = state->open.find(*held);
    if (it != state->open.end() && --it->second == 0) state->open.erase(it);
  });
}

std::size_t ConnectionLimit::open(const std::string& address) const {
  std::lock_guard lock(state_->mutex);
  const auto it = state_->open.find(address);
  return it == state_->open.end() ? 0 : it->second;
}

}  // namespace uia::http
