#include "ports/random.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace uia::ports {
namespace {

void ensure_sodium() {
  static std::once_flag once;
  // sodium_init is itself idempotent and thread-safe; the once_flag just skips the call.
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no entropy source: nothing below would be safe
  });
}

}  // namespace

int Random::between(int low, int high) {
  if (high <= low) return low;
  const auto span = static_cast<std::uint32_t>(static_cast<std::int64_t>(high) - low + 1);
  return low + static_cast<int>(uniform(span));
}

double Random::unit() { return static_cast<double>(uniform(1u << 24)) / static_cast<double>(1u << 24); }

std::uint32_t SystemRandom::uniform(std::uint32_t upper_bound) {
  ensure_sodium();
  return upper_bound < 2 ? 0 : randombytes_uniform(upper_bound);
}

void SystemRandom::fill(void* buffer, std::size_t size) {
  ensure_sodium();
  randombytes_buf(buffer, size);
}

SystemRandom& SystemRandom::instance() {
  static SystemRandom random;
  return random;
}

std::uint64_t SeededRandom::next() {
  state_ += 0x9E3779B97F4A7C15ull;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint32_t SeededRandom::uniform(std::uint32_t upper_bound) {
  if (upper_bound < 2) return 0;
  // Rejection sampling, as randombytes_uniform does, so tests see the same distribution.
  const std::uint32_t limit = static_cast<std::uint32_t>(-upper_bound) % upper_bound;
  for (;;) {
    const auto value = static_cast<std::uint32_t>(next() >> 32);
    if (value >= limit) return value % upper_bound;
  }
}

void SeededRandom::fill(void* buffer, std::size_t size) {
  auto* out = static_cast<unsigned char*>(buffer);
  while (size > 0) {
    const std::uint64_t word = next();
    const std::size_t take = size < sizeof word ? size : sizeof word;
    std::memcpy(out, &word, take);
    out += take;
    size -= take;
  }
}

}  // namespace uia::ports
