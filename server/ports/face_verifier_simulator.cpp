#include "ports/face_verifier_simulator.h"

#include <sodium.h>

#include <algorithm>

namespace uia::ports {
namespace {

constexpr std::size_t kTicketBytes = 24;  // 192 bits -> exactly 32 base64url characters

std::string base64url(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // drop the NUL
  return out;
}

}  // namespace

FaceVerifierSimulator::FaceVerifierSimulator(Random* random, std::size_t capacity)
    : random_(random ? *random : SystemRandom::instance()), capacity_(capacity == 0 ? 1 : capacity) {}

FaceTicket FaceVerifierSimulator::start(const FaceCheckRequest& request) {
  unsigned char bytes[kTicketBytes];
  FaceTicket ticket;
  const std::lock_guard lock(mutex_);  // also serialises an injected, non-thread-safe Random
  random_.fill(bytes, sizeof bytes);
  ticket.ticket = base64url(bytes, sizeof bytes);
  ticket.start_url = "/face/" + ticket.ticket;
  ticket.ok = true;
  pending_[ticket.ticket] = request;
  order_.push_back(ticket.ticket);
  while (order_.size() > capacity_) {
    pending_.erase(order_.front());
    order_.pop_front();
  }
  return ticket;
}

bool FaceVerifierSimulator::complete(const std::string& ticket, FaceResult result) {
  FaceResultCallback callback;
  {
    const std::lock_guard lock(mutex_);
    if (pending_.erase(ticket) == 0) return false;
    if (const auto at = std::find(order_.begin(), order_.end(), ticket); at != order_.end()) order_.erase(at);
    callback = callback_;
  }
  if (callback) callback(ticket, result);
  return true;
}

void FaceVerifierSimulator::on_result(FaceResultCallback callback) {
  const std::lock_guard lock(mutex_);
  callback_ = std::move(callback);
}

std::optional<FaceCheckRequest> FaceVerifierSimulator::pending(const std::string& ticket) const {
  const std::lock_guard lock(mutex_);
  const auto found = pending_.find(ticket);
  if (found == pending_.end()) return std::nullopt;
  return found->second;
}

}  // namespace uia::ports
