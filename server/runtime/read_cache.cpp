#include "runtime/read_cache.h"

#include <algorithm>

namespace uia::runtime {

std::optional<std::string> ReadCache::find(const std::string& key, long long now) const {
  if (!enabled()) return std::nullopt;
  const std::uint64_t current = generation();
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != current || now >= it->second.valid_until) return std::nullopt;
  return it->second.text;
}

void ReadCache::store(const std::string& key, std::uint64_t generation, std::string text, long long now,
                      long long valid_until) {
  if (!enabled() || generation != this->generation()) return;  // already stale: do not keep it
  const long long until = std::min(now + ttl_seconds_, valid_until);
  if (until <= now) return;
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_.insert_or_assign(key, Entry{generation, until, std::move(text)});
}

}  // namespace uia::runtime
