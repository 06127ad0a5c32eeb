// An authorization request between GET /oidc/authorize and the code: stored while the web
// client's login and consent pages run, then finished with a code (or an error) sent back to
// the client's redirect URI. Also what the provider knows of the browser's signed-in person.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/provider.h"
#include "store/oidc_client_repository.h"

namespace uia::flows::oidc {

struct PendingRequest {
  std::string id;
  std::string client_id;
  std::string redirect_uri;
  std::string scope;
  std::optional<std::string> state;
  std::optional<std::string> nonce;
  std::optional<std::string> code_challenge;  // S256 only
  int min_level = 1;
  // The prompt values the pages must honour after sign-in (space-separated, of none, login,
  // consent): consent → ask again even if consent was given before; login → only a sign-in
  // made since the request was stored may finish it.
  std::string prompt;
  // max_age: a sign-in older than this many seconds must be made again (none: any age).
  std::optional<long long> max_age;
  long long created_at = 0;
  long long expires_at = 0;
  bool done = false;

  bool prompts(const std::string& value) const;
  // The session signed in before the request was made, and the request wants a newer sign-in:
  // prompt=login, or a sign-in older than max_age at `now`.
  bool needs_fresher_sign_in(long long auth_time, long long now) const;
};

// Sweeps a batch of expired requests first (expiry_sweep.h).
void save_request(soci::session& sql, const PendingRequest& request, long long now);
// nullopt when unknown; `done`/`expires_at` tell the caller whether it may still be finished.
std::optional<PendingRequest> find_request(soci::session& sql, const std::string& id);

// The person behind a sign-in session, as the provider needs them.
struct SignedInBrowser {
  long long session_id = 0;
  long long person_id = 0;
  int level = 1;
  long long auth_time = 0;  // when the session signed in
  ActingEnterprise acting;  // whom the session acts for (enterprise_claims.h)
};
// From a session token (the uia_session cookie on /oidc/authorize); nullopt when no active
// session of an active person.
std::optional<SignedInBrowser> browser_of(app::Services& services, const std::string& session_token);
std::optional<SignedInBrowser> browser_of_session(app::Services& services, long long session_id, long long person_id);

// The person already consented to every scope of the request for this client.
bool has_consent(soci::session& sql, long long person_id, const std::string& client_id, const std::string& scope);

// Records consent, makes a one-use code (60 s), closes the request, audits; returns the
// redirect URL carrying code, state and iss. Sweeps a batch of long-expired codes first.
std::string finish_with_code(app::Services& services, const OidcSettings& settings, soci::session& sql, const PendingRequest& request,
                             const SignedInBrowser& browser, const std::string& issuer, const std::string& client_ip);
// Closes the request and returns the redirect URL carrying `error` (and state, iss).
std::string finish_with_error(app::Services& services, soci::session& sql, const PendingRequest& request,
                              const std::string& error, const std::string& issuer);
// The redirect URL for an error found before a request was stored.
std::string error_redirect(const std::string& redirect_uri, const std::optional<std::string>& state, const std::string& error,
                           const std::string& description, const std::string& issuer);

}  // namespace uia::flows::oidc
