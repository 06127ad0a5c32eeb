// private_key_jwt (OIDC Core §9, RFC 7523 §2.2 and §3): a client proves itself with a short-lived
// JWT it signed with a key it registered (client_keys.h), sent as client_assertion with
// client_assertion_type urn:ietf:params:oauth:client-assertion-type:jwt-bearer. The assertion
// must come from the client about itself (iss == sub == client_id), be meant for us (aud: the
// token endpoint URL or the issuer), live at most kMaxAssertionSeconds, carry a jti, and is
// accepted once: its jti is kept (hashed with the client_id) until the assertion's exp, after
// which the assertion is refused anyway; expired entries are swept on write (expiry_sweep.h).
#pragma once
#include <string>
#include <string_view>

#include <soci/session.h>

#include "app/services.h"
#include "store/oidc_client_repository.h"

namespace uia::flows::oidc {

constexpr const char* kJwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr std::size_t kMaxAssertionLength = 8192;
constexpr long long kMaxAssertionSeconds = 300;  // exp at most this far ahead (plus the skew)
constexpr long long kAssertionClockSkew = 60;    // a client's clock may run this much ahead

// The client an assertion says it comes from (its unverified "iss"); "" when malformed.
std::string assertion_client_id(std::string_view assertion);

struct AssertionCheck {
  std::string failure;  // "" when the assertion is good; else a short reason (audit, error_description)
  std::string jti;
  long long expires_at = 0;
};
// Everything but single use: the signature (ES256/RS256 only, by the header's kid or the only
// key) and the claims. `issuer` is the provider's issuer URL.
AssertionCheck check_client_assertion(const store::OidcClient& client, std::string_view assertion, const std::string& issuer,
                                      long long now);

// Marks the assertion's jti used until `expires_at`; false when it was used already (a replay).
bool use_assertion_once(app::Services& services, const std::string& client_id, const std::string& jti, long long expires_at,
                        long long now);

}  // namespace uia::flows::oidc
