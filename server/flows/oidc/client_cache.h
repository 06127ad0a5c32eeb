// Registered clients as the token, introspection and revocation endpoints authenticate them,
// kept between requests: every call starts with the client's row, and reading it was 6% of a
// code exchange. An entry is used for kRecheckSeconds after it was read, so a client changed on
// another instance (its redirect URIs, its keys, a secret rewritten from the configuration) is
// seen within that time. Disabling stops the token endpoint at once all the same: its write
// transaction checks the client is still enabled, and userinfo and introspection check it for
// every token. Unknown client ids are not kept (no memory for made-up names).
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/services.h"
#include "store/oidc_client_repository.h"

namespace uia::flows::oidc {

class ClientCache {
 public:
  static constexpr long long kRecheckSeconds = 5;

  // The client as last read (enabled or not); nullopt when no client has this id.
  std::optional<store::OidcClient> find(app::Services& services, const std::string& client_id);

 private:
  struct Entry {
    store::OidcClient client;
    long long read_at = 0;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace uia::flows::oidc
