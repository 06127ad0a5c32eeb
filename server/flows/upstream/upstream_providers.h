// The configured upstream identity providers at run time: each with its settings, its port
// (the real HTTP adapter) and a cache of its signing keys by "kid". Built once at start-up from
// the "upstream" config section and shared by the upstream routes; nothing is global.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "flows/upstream/upstream_config.h"
#include "ports/upstream_oidc.h"

namespace uia::flows::upstream {

// The provider's public keys by kid. An unknown kid refetches the JWKS (the provider may have
// rotated), but at most once per `refetch_seconds`, so a token with a made-up kid cannot make
// us hammer the provider.
class UpstreamKeys {
 public:
  explicit UpstreamKeys(long long refetch_seconds = 30) : refetch_seconds_(refetch_seconds) {}
  struct Lookup {
    nlohmann::json jwk;        // null when the provider has no such key
    bool unavailable = false;  // the JWKS could not be fetched and the key is not cached
  };
  Lookup key_for(const std::string& kid, const ports::UpstreamOidc& port, long long now);

 private:
  std::mutex mutex_;
  std::map<std::string, nlohmann::json> keys_;
  std::optional<long long> fetched_at_;
  long long refetch_seconds_;
};

struct UpstreamRuntime {
  UpstreamProvider config;
  std::shared_ptr<ports::UpstreamOidc> port;
  std::shared_ptr<UpstreamKeys> keys;
};

class UpstreamProviders {
 public:
  UpstreamProviders() = default;
  // Throws std::runtime_error (see parse_upstream_config).
  static std::shared_ptr<UpstreamProviders> from_config(const nlohmann::json& section, bool dev_mode);
  const UpstreamRuntime* find(const std::string& name) const;
  const std::vector<std::shared_ptr<UpstreamRuntime>>& all() const { return providers_; }

 private:
  std::vector<std::shared_ptr<UpstreamRuntime>> providers_;
};

}  // namespace uia::flows::upstream
