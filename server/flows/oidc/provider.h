// The OpenID Connect provider's own configuration and port, built once at start-up from the
// config file's "oidc" section and handed to every OIDC flow with the request (OidcCall), so
// nothing is global:
//   "oidc": {"issuer": "https://id.example.gov.cn", "key_rotation_days": 30,
//            "access_token_seconds": 600, "id_token_seconds": 600, "refresh_token_days": 30,
//            "token_requests_per_minute": 1200,
//            "backchannel_logout": {"adapter": "http", "timeout_ms": 3000, "connect_timeout_ms": 2000,
//                                   "ca_file": "..."}}
// Back-channel logout defaults to the real adapter in production and to the simulator in dev
// mode; a configured simulator is refused in production.
#pragma once
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "ports/backchannel_logout_http.h"
#include "ports/backchannel_logout_simulator.h"

namespace uia::store {
class WriteBatcher;
}

namespace uia::flows::oidc {

struct OidcSettings {
  // The issuer URL (no trailing slash). Empty: dev mode takes "http://" + the request's Host
  // (tests and `uia serve --dev` on any port); production then refuses to serve OIDC, since a
  // Host header is the caller's to choose and an issuer must not be.
  std::string issuer;
  long long key_rotation_seconds = 30LL * 24 * 3600;
  long long access_token_seconds = 600;
  long long id_token_seconds = 600;
  long long refresh_token_seconds = 30LL * 24 * 3600;
  long long code_seconds = 60;
  long long request_seconds = 600;  // an authorization request waiting for login/consent
  long long token_requests_per_minute = 1200;  // per client and server process (TokenRateLimit)
};

class SigningKeyCache;
class ClientCache;
class TokenRateLimit;

struct Provider {
  OidcSettings settings;
  std::shared_ptr<SigningKeyCache> signing_keys;       // made by make_provider
  std::shared_ptr<ClientCache> clients;                // made by make_provider
  std::shared_ptr<TokenRateLimit> token_rate_limit;  // made by make_provider
  // The token endpoint's write transactions, committed in batches (store/write_batcher.h).
  std::shared_ptr<store::WriteBatcher> token_writes;  // made by make_provider
  std::shared_ptr<ports::BackchannelLogout> backchannel;
  std::shared_ptr<ports::BackchannelLogoutSimulator> backchannel_simulator;  // dev mode only
};

// Throws std::runtime_error naming the bad key (e.g. "oidc.backchannel_logout.adapter").
std::shared_ptr<Provider> make_provider(const nlohmann::json& section, bool dev_mode);

// One OIDC request: the provider plus the headers ApiRequest does not carry.
struct OidcCall {
  const Provider& provider;
  std::string basic_credentials;  // after "Authorization: Basic "
  std::string host;               // the Host header (the issuer in dev mode only)
  std::string client_ip;          // the caller's address as the audit trail records it
  const OidcSettings& settings() const { return provider.settings; }
};

}  // namespace uia::flows::oidc
