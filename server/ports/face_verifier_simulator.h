// Dev mode and tests only: a FaceVerifier with no camera. start() hands out a ticket and the
// page "/face/<ticket>"; POST /api/dev/face/{ticket} {"result": "pass"|"fail"} calls complete(),
// which reports through the on_result callback exactly as the real service's HTTP callback
// would. make_ports refuses it in production.
#pragma once
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "ports/face_verifier.h"
#include "ports/random.h"

namespace uia::ports {

using FaceResultCallback = std::function<void(const std::string& ticket, FaceResult result)>;

class FaceVerifierSimulator final : public FaceVerifier {
 public:
  // `random` makes tickets (null means the system CSPRNG); at most `capacity` tickets wait at
  // once, the oldest being forgotten first. Thread-safe.
  explicit FaceVerifierSimulator(Random* random = nullptr, std::size_t capacity = 10000);

  // ticket: 32 URL-safe characters (24 random bytes, base64url); start_url: "/face/<ticket>".
  FaceTicket start(const FaceCheckRequest& request) override;

  // false for unknown or already completed tickets; otherwise forgets the ticket and calls the
  // on_result callback (outside the simulator's lock, so the callback may call back in).
  bool complete(const std::string& ticket, FaceResult result);
  void on_result(FaceResultCallback callback);
  // The request behind a pending ticket (the dev face page shows whose face is "checked").
  std::optional<FaceCheckRequest> pending(const std::string& ticket) const;

 private:
  Random& random_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::string, FaceCheckRequest> pending_;
  std::deque<std::string> order_;  // issue order, to forget the oldest
  FaceResultCallback callback_;
};

}  // namespace uia::ports
