// Randomness behind an interface, so tests can replay a captcha or a ticket exactly
// while production draws from the operating system's CSPRNG (through libsodium).
#pragma once
#include <cstddef>
#include <cstdint>

namespace uia::ports {

class Random {
 public:
  virtual ~Random() = default;
  // Uniform in [0, upper_bound); 0 when upper_bound < 2. No modulo bias.
  virtual std::uint32_t uniform(std::uint32_t upper_bound) = 0;
  virtual void fill(void* buffer, std::size_t size) = 0;

  // Uniform in [low, high] (inclusive); low when high <= low.
  int between(int low, int high);
  // Uniform in [0, 1) with 24 bits of resolution: enough for geometry, not for keys.
  double unit();
};

// The production source: libsodium's randombytes (getrandom(2) underneath). Thread-safe.
class SystemRandom final : public Random {
 public:
  std::uint32_t uniform(std::uint32_t upper_bound) override;
  void fill(void* buffer, std::size_t size) override;
  // A process-wide instance for callers that do not inject their own.
  static SystemRandom& instance();
};

// A reproducible, NOT cryptographic source (splitmix64) for tests and golden images.
// Not thread-safe: give each test its own.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  std::uint32_t uniform(std::uint32_t upper_bound) override;
  void fill(void* buffer, std::size_t size) override;

 private:
  std::uint64_t next();
  std::uint64_t state_;
};

}  // namespace uia::ports
