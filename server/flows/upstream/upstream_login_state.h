// A login through an upstream provider between our redirect to it and its redirect back: the
// state (stored only as its SHA-256), the nonce the ID token must echo, and the PKCE verifier
// (sealed with the field cipher). One use, ten minutes. Bound to the browser that started it:
// a random value in its uia_upstream cookie, stored as a hash (login CSRF: nobody can make
// another person's browser finish a sign-in they started).
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
  std::string browser_secret; // begin: the uia_upstream cookie's value (only its hash is kept)
  std::string browser_hash;   // take: the stored hash, to compare with the cookie's
  std::string return_to;      // a same-origin path to land on once signed in ("" = the centre)
};

// The cookie that ties a state to its browser: sent only to the upstream routes.
constexpr const char* kBrowserCookieName = "uia_upstream";
constexpr const char* kBrowserCookiePath = "/api/v1/upstream/";

// A fresh state for `provider`, saved with its browser secret's hash and `return_to`
// (already checked by the caller: see return_target.h). The secret is the browser's
// uia_upstream cookie when it holds one (`browser_secret`: another sign-in of that browser is
// under way, e.g. in a second tab, and must still finish), else a new one.
LoginState begin_login_state(app::Services& services, soci::session& sql, const std::string& provider,
                             const std::string& return_to, const std::string& browser_secret, long long now);
// Whether the browser holding `browser_secret` has another sign-in under way (an unspent,
// unexpired state): its cookie then stays when one of them finishes.
bool browser_has_pending_login(soci::session& sql, const std::string& browser_secret, long long now);
// Spends the state: the nonce and verifier when it is known, for `provider`, unused and
// unexpired; nullopt otherwise (a replay finds it spent). The caller compares browser_hash.
std::optional<LoginState> take_login_state(app::Services& services, soci::session& sql, const std::string& provider,
                                           const std::string& state, long long now);

}  // namespace uia::flows::upstream
