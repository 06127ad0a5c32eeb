// A login through an upstream provider between our redirect to it and its redirect back: the
// state (stored only as its SHA-256), the nonce the ID token must echo, and the PKCE verifier
// (sealed with the field cipher). One use, ten minutes.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "app/services.h"

namespace uia::flows::upstream {

constexpr long long kLoginStateSeconds = 600;

struct LoginState {
  std::string state;          // goes to the provider; only its hash is kept
  std::string nonce;
  std::string code_verifier;  // PKCE (RFC 7636): 43 characters of base64url
  std::string code_challenge; // BASE64URL(SHA-256(verifier))
};

// A fresh state for `provider`, saved.
LoginState begin_login_state(app::Services& services, soci::session& sql, const std::string& provider, long long now);
// Spends the state: the nonce and verifier when it is known, for `provider`, unused and
// unexpired; nullopt otherwise (a replay finds it spent).
std::optional<LoginState> take_login_state(app::Services& services, soci::session& sql, const std::string& provider,
                                           const std::string& state, long long now);

}  // namespace uia::flows::upstream
