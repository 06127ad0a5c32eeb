// Answers to frequent signed-in reads (GET /api/v1/me), kept for a moment so the HTTP reactor can
// send them without a worker hop or a database round trip.
//
// Correctness rests on a generation number: every state-changing request (any method but
// GET/HEAD/OPTIONS) bumps it when its work has committed, and an entry counts only while its
// generation is the current one. A fill takes the generation *before* it reads the database, so
// a read that raced a write is stored already stale. Within one process a sign-out, a password
// change or a profile edit is therefore seen by the very next read. Across processes (several
// uia nodes, `uia import`) an entry lives at most `ttl_seconds` (1 s by default), and never past
// the session's own idle or absolute expiry.
#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace uia::runtime {

class ReadCache {
 public:
  // ttl_seconds 0 turns the cache off. max_entries bounds memory: a full cache starts over.
  explicit ReadCache(int ttl_seconds, std::size_t max_entries = 100000)
      : ttl_seconds_(ttl_seconds), max_entries_(max_entries) {}

  bool enabled() const { return ttl_seconds_ > 0; }
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // A write has committed: everything stored before is stale.
  void invalidate_all() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  // The stored text for `key` when it is current and `now` (epoch seconds) is before its end.
  std::optional<std::string> find(const std::string& key, long long now) const;
  // Stores `text`, read from the database after `generation` was taken, valid until the earlier
  // of now + ttl and `valid_until`.
  void store(const std::string& key, std::uint64_t generation, std::string text, long long now, long long valid_until);

 private:
  struct Entry {
    std::uint64_t generation;
    long long valid_until;
    std::string text;
  };
  const int ttl_seconds_;
  const std::size_t max_entries_;
  std::atomic<std::uint64_t> generation_{0};
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace uia::runtime
