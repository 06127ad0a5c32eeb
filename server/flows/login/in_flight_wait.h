// Waiting for password or answer checks in flight. A guess is recorded before it is checked (so
// parallel guesses cannot outrun a limit) but counts as a failure only once it is known wrong.
// While the checks in flight could still use up the attempts left, a new check neither counts
// on them nor is refused: it waits until they end, then takes the outcome the rules give.
#pragma once
#include <chrono>
#include <optional>
#include <thread>

namespace uia::flows {

// A row a crashed check left pending stops holding attempts back after this long (a check takes
// milliseconds; Argon2id under load, a second at worst).
inline constexpr long long kPendingCheckSeconds = 60;

// Calls `try_admit` (its own transaction; nullopt means "wait for the checks in flight") until it
// decides, at most for `patience`; nullopt when it never did. It sleeps between calls, outside
// any transaction: the checks in flight need their locks to resolve.
template <class TryAdmit>
auto wait_for_checks_in_flight(TryAdmit try_admit, std::chrono::milliseconds patience = std::chrono::seconds(5))
    -> decltype(try_admit()) {
  const auto give_up = std::chrono::steady_clock::now() + patience;
  for (;;) {
    if (auto decided = try_admit()) return decided;
    if (std::chrono::steady_clock::now() >= give_up) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
  }
}

}  // namespace uia::flows
