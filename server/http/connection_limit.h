// How many connections one client address may hold open at once (issue 20): a flood of
// connections from one address takes file descriptors, parser state and the reactors' time
// from everyone else. Each admitted connection holds a ticket; dropping the ticket (the
// connection ended, whichever way) gives the place back.
#pragma once
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace uia::http {

class ConnectionLimit {
 public:
  // 0 means no limit.
  explicit ConnectionLimit(std::size_t per_address);

  // A ticket while `address` holds fewer than the limit, nullptr once it holds that many.
  std::shared_ptr<void> admit(const std::string& address);
  std::size_t open(const std::string& address) const;

 private:
  struct State {
    mutable std::mutex mutex;
    std::unordered_map<std::string, std::size_t> open;
  };
  std::size_t per_address_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace uia::http
