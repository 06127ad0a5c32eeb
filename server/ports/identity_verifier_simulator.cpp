#include "ports/identity_verifier_simulator.h"

namespace uia::ports {

IdentityCheck IdentityVerifierSimulator::verify(const IdentityQuery& query) {
  {
    const std::lock_guard lock(mutex_);
    if (const auto fixed = fixed_.find(query.id_number); fixed != fixed_.end()) return fixed->second;
  }
  // Byte search is exact for UTF-8: a valid sequence never matches inside another character.
  if (query.name.find("超时") != std::string::npos) return IdentityCheck::Unavailable;
  if (query.name.find("不符") != std::string::npos) return IdentityCheck::Mismatch;
  return IdentityCheck::Match;
}

void IdentityVerifierSimulator::set_result(const std::string& id_number, IdentityCheck result) {
  const std::lock_guard lock(mutex_);
  fixed_[id_number] = result;
}

void IdentityVerifierSimulator::clear_results() {
  const std::lock_guard lock(mutex_);
  fixed_.clear();
}

}  // namespace uia::ports
