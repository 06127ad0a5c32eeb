#include "flows/oidc/pending_request.h"

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/oidc/expiry_sweep.h"
#include "flows/oidc/oauth_http.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/sessions/session_store.h"

namespace uia::flows::oidc {
namespace {

template <typename T>
soci::indicator ind(const std::optional<T>& value) { return value ? soci::i_ok : soci::i_null; }

void close_request(soci::session& sql, const std::string& id, long long now) {
  sql << "UPDATE oidc_auth_requests SET done_at = :now WHERE id = :id", soci::use(now), soci::use(id);
}

void record_grant(soci::session& sql, long long person_id, const std::string& client_id, const std::string& scope,
                  long long now) {
  std::string granted;
  sql << "SELECT scope FROM oidc_grants WHERE person_id = :p AND client_id = :c", soci::into(granted),
      soci::use(person_id), soci::use(client_id);
  if (sql.got_data()) {
    auto all = split_scope(granted);
    for (const auto& s : split_scope(scope)) all.insert(s);
    const std::string merged = join_scope(all);
    sql << "UPDATE oidc_grants SET scope = :s, updated_at = :now WHERE person_id = :p AND client_id = :c",
        soci::use(merged), soci::use(now), soci::use(person_id), soci::use(client_id);
  } else {
    sql << "INSERT INTO oidc_grants (person_id, client_id, scope, created_at, updated_at) VALUES (:p, :c, :s, :now, :now2)",
        soci::use(person_id), soci::use(client_id), soci::use(scope), soci::use(now), soci::use(now);
  }
}

}  // namespace

bool PendingRequest::prompts(const std::string& value) const { return split_scope(prompt).count(value) > 0; }

bool PendingRequest::needs_fresher_sign_in(long long auth_time, long long now) const {
  if (auth_time >= created_at) return false;  // signed in for this request
  return prompts("login") || (max_age && now - auth_time > *max_age);
}

void save_request(soci::session& sql, const PendingRequest& r, long long now) {
  sweep_expired_requests(sql, now);
  const std::string state = r.state.value_or(""), nonce = r.nonce.value_or(""), challenge = r.code_challenge.value_or("");
  soci::indicator state_ind = ind(r.state), nonce_ind = ind(r.nonce), challenge_ind = ind(r.code_challenge);
  soci::indicator prompt_ind = r.prompt.empty() ? soci::i_null : soci::i_ok;
  const long long max_age = r.max_age.value_or(0);
  soci::indicator max_age_ind = ind(r.max_age);
  sql << "INSERT INTO oidc_auth_requests (id, client_id, redirect_uri, scope, state, nonce, code_challenge, min_level, "
         "prompt, max_age, created_at, expires_at) VALUES (:id, :c, :r, :s, :st, :n, :cc, :lvl, :prompt, :max_age, :at, :exp)",
      soci::use(r.id), soci::use(r.client_id), soci::use(r.redirect_uri), soci::use(r.scope), soci::use(state, state_ind),
      soci::use(nonce, nonce_ind), soci::use(challenge, challenge_ind), soci::use(r.min_level),
      soci::use(r.prompt, prompt_ind), soci::use(max_age, max_age_ind), soci::use(now), soci::use(r.expires_at);
}

std::optional<PendingRequest> find_request(soci::session& sql, const std::string& id) {
  if (id.empty() || id.size() > 64) return std::nullopt;
  PendingRequest r;
  std::string state, nonce, challenge, prompt;
  soci::indicator state_ind, nonce_ind, challenge_ind, prompt_ind, max_age_ind, done_ind;
  long long done_at = 0, max_age = 0;
  sql << "SELECT id, client_id, redirect_uri, scope, state, nonce, code_challenge, min_level, prompt, max_age, created_at, "
         "expires_at, done_at FROM oidc_auth_requests WHERE id = :id",
      soci::into(r.id), soci::into(r.client_id), soci::into(r.redirect_uri), soci::into(r.scope),
      soci::into(state, state_ind), soci::into(nonce, nonce_ind), soci::into(challenge, challenge_ind),
      soci::into(r.min_level), soci::into(prompt, prompt_ind), soci::into(max_age, max_age_ind), soci::into(r.created_at),
      soci::into(r.expires_at), soci::into(done_at, done_ind), soci::use(id);
  if (!sql.got_data()) return std::nullopt;
  if (max_age_ind == soci::i_ok) r.max_age = max_age;
  if (prompt_ind == soci::i_ok) r.prompt = prompt;
  if (state_ind == soci::i_ok) r.state = state;
  if (nonce_ind == soci::i_ok) r.nonce = nonce;
  if (challenge_ind == soci::i_ok) r.code_challenge = challenge;
  r.done = done_ind == soci::i_ok;
  return r;
}

std::optional<SignedInBrowser> browser_of_session(app::Services& services, long long session_id, long long person_id) {
  return services.db->with_session([&](soci::session& sql) -> std::optional<SignedInBrowser> {
    SignedInBrowser out;
    out.session_id = session_id;
    out.person_id = person_id;
    std::string status;
    sql << "SELECT p.level, p.status, s.created_at FROM persons p JOIN sessions s ON s.person_id = p.id "
           "WHERE s.id = :s AND p.id = :p",
        soci::into(out.level), soci::into(status), soci::into(out.auth_time), soci::use(session_id), soci::use(person_id);
    if (!sql.got_data() || status != "active") return std::nullopt;
    out.acting = acting_of_session(sql, session_id);
    // Acting on a grant that ended (or as a representative replaced): no code for it; sign in again.
    if (out.acting.acting() && !enterprise_claims(services, sql, person_id, out.acting)) return std::nullopt;
    return out;
  });
}

std::optional<SignedInBrowser> browser_of(app::Services& services, const std::string& session_token) {
  ActiveSession session;
  if (session_token.empty() || find_session(services, session_token, session) != SessionLookup::Active) return std::nullopt;
  return browser_of_session(services, session.id, session.person_id);
}

bool has_consent(soci::session& sql, long long person_id, const std::string& client_id, const std::string& scope) {
  std::string granted;
  sql << "SELECT scope FROM oidc_grants WHERE person_id = :p AND client_id = :c", soci::into(granted),
      soci::use(person_id), soci::use(client_id);
  if (!sql.got_data()) return false;
  const auto have = split_scope(granted);
  for (const auto& s : split_scope(scope))
    if (!have.count(s)) return false;
  return true;
}

std::string finish_with_code(app::Services& services, const OidcSettings& settings, soci::session& sql, const PendingRequest& r,
                             const SignedInBrowser& browser, const std::string& issuer, const std::string& client_ip) {
  const long long now = services.now_seconds();
  record_grant(sql, browser.person_id, r.client_id, r.scope, now);
  sweep_expired_codes(sql, now);
  const std::string code = crypto::random_token(*services.random, 32);
  const std::string code_hash = crypto::token_hash(code);
  const long long expires_at = now + settings.code_seconds;
  const std::string nonce = r.nonce.value_or(""), challenge = r.code_challenge.value_or("");
  soci::indicator nonce_ind = ind(r.nonce), challenge_ind = ind(r.code_challenge);
  sql << "INSERT INTO oidc_codes (code_hash, client_id, person_id, session_id, redirect_uri, scope, nonce, code_challenge, "
         "auth_time, level, created_at, expires_at) VALUES (:h, :c, :p, :s, :r, :scope, :n, :cc, :auth, :lvl, :at, :exp)",
      soci::use(code_hash), soci::use(r.client_id), soci::use(browser.person_id), soci::use(browser.session_id),
      soci::use(r.redirect_uri), soci::use(r.scope), soci::use(nonce, nonce_ind), soci::use(challenge, challenge_ind),
      soci::use(browser.auth_time), soci::use(browser.level), soci::use(now), soci::use(expires_at);
  // Whom the code acts for, when the client asked for the enterprise (enterprise_claims.h).
  const ActingEnterprise acting = acting_for_scope(browser.acting, r.scope);
  remember_code_acting(sql, code_hash, acting);
  close_request(sql, r.id, now);
  const std::string person = "person:" + std::to_string(browser.person_id);
  record_audit(sql, now, {person, "oidc.authorize", "oidc_client:" + r.client_id, client_ip, "ok", r.scope},
               acting_text(acting));
  std::vector<std::pair<std::string, std::string>> params = {{"code", code}};
  if (r.state) params.emplace_back("state", *r.state);
  params.emplace_back("iss", issuer);
  return with_params(r.redirect_uri, params);
}

std::string finish_with_error(app::Services& services, soci::session& sql, const PendingRequest& r, const std::string& error,
                              const std::string& issuer) {
  close_request(sql, r.id, services.now_seconds());
  return error_redirect(r.redirect_uri, r.state, error, "", issuer);
}

std::string error_redirect(const std::string& redirect_uri, const std::optional<std::string>& state, const std::string& error,
                           const std::string& description, const std::string& issuer) {
  std::vector<std::pair<std::string, std::string>> params = {{"error", error}};
  if (!description.empty()) params.emplace_back("error_description", description);
  if (state) params.emplace_back("state", *state);
  params.emplace_back("iss", issuer);
  return with_params(redirect_uri, params);
}

}  // namespace uia::flows::oidc
