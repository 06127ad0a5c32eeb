#include "flows/upstream/upstream_login_state.h"

#include <cctype>

#include <soci/soci.h>

#include "crypto/pkce.h"
#include "crypto/tokens.h"

namespace uia::flows::upstream {
namespace {

constexpr const char* kVerifierColumn = "upstream_login_states.code_verifier";

// A value this server could have set as the cookie: random_token's base64url, of its length.
bool plausible_browser_secret(const std::string& value) {
  if (value.size() != 32) return false;
  for (const char c : value)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

}  // namespace

LoginState begin_login_state(app::Services& services, soci::session& sql, const std::string& provider,
                             const std::string& return_to, const std::string& browser_secret, long long now) {
  LoginState s;
  s.state = crypto::random_token(*services.random, 24);
  s.nonce = crypto::random_token(*services.random, 24);
  s.code_verifier = crypto::random_token(*services.random, 32);
  s.code_challenge = crypto::pkce_s256(s.code_verifier);
  s.browser_secret = plausible_browser_secret(browser_secret) ? browser_secret : crypto::random_token(*services.random, 24);
  s.browser_hash = crypto::token_hash(s.browser_secret);
  s.return_to = return_to;
  soci::indicator return_ind = return_to.empty() ? soci::i_null : soci::i_ok;
  const std::string hash = crypto::token_hash(s.state);
  const std::string sealed = services.cipher->seal(s.code_verifier, kVerifierColumn);
  const long long expires = now + kLoginStateSeconds;
  // Old rows are of no use to anyone: each new login sweeps them.
  sql << "DELETE FROM upstream_login_states WHERE expires_at < :now", soci::use(now);
  sql << "INSERT INTO upstream_login_states (state_hash, provider, nonce, code_verifier_enc, browser_hash, return_to, "
         "created_at, expires_at) VALUES (:h, :p, :n, :v, :b, :r, :at, :exp)",
      soci::use(hash), soci::use(provider), soci::use(s.nonce), soci::use(sealed), soci::use(s.browser_hash),
      soci::use(s.return_to, return_ind), soci::use(now), soci::use(expires);
  return s;
}

std::optional<LoginState> take_login_state(app::Services& services, soci::session& sql, const std::string& provider,
                                           const std::string& state, long long now) {
  if (state.empty() || state.size() > 128) return std::nullopt;
  const std::string hash = crypto::token_hash(state);
  // The UPDATE is the spend: of two callbacks racing with one state, only one changes the row.
  soci::statement spend = (sql.prepare << "UPDATE upstream_login_states SET used_at = :now WHERE state_hash = :h "
                                          "AND provider = :p AND used_at IS NULL AND expires_at > :now2",
                           soci::use(now), soci::use(hash), soci::use(provider), soci::use(now));
  spend.execute(true);
  if (spend.get_affected_rows() != 1) return std::nullopt;
  LoginState s;
  std::string sealed;
  soci::indicator browser_ind = soci::i_ok, return_ind = soci::i_ok;
  sql << "SELECT nonce, code_verifier_enc, browser_hash, return_to FROM upstream_login_states WHERE state_hash = :h",
      soci::into(s.nonce), soci::into(sealed), soci::into(s.browser_hash, browser_ind), soci::into(s.return_to, return_ind),
      soci::use(hash);
  if (browser_ind != soci::i_ok) s.browser_hash.clear();  // a row from before the binding: matches no cookie
  if (return_ind != soci::i_ok) s.return_to.clear();
  const auto verifier = services.cipher->open(sealed, kVerifierColumn);
  if (!verifier) return std::nullopt;
  s.state = state;
  s.code_verifier = *verifier;
  return s;
}

bool browser_has_pending_login(soci::session& sql, const std::string& browser_secret, long long now) {
  if (!plausible_browser_secret(browser_secret)) return false;
  const std::string hash = crypto::token_hash(browser_secret);
  long long pending = 0;
  sql << "SELECT COUNT(*) FROM upstream_login_states WHERE browser_hash = :b AND used_at IS NULL AND expires_at > :now",
      soci::into(pending), soci::use(hash), soci::use(now);
  return pending > 0;
}

}  // namespace uia::flows::upstream
