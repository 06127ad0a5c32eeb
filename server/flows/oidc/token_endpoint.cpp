#include "flows/oidc/token_endpoint.h"

#include <variant>

#include <soci/soci.h>

#include "crypto/jose.h"
#include "crypto/pkce.h"
#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/oidc/client_auth.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/oidc/token_rate_limit.h"
#include "store/statement_cache.h"
#include "store/write_batcher.h"

namespace uia::flows::oidc {
namespace {
using http::ApiResponse;

ApiResponse invalid_grant(const std::string& why) { return oauth_error(400, "invalid_grant", why); }

std::string param(const Params& form, const char* name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

// RFC 7636 §4.1: 43-128 characters of [A-Za-z0-9-._~].
bool is_code_verifier(const std::string& v) {
  if (v.size() < 43 || v.size() > 128) return false;
  for (unsigned char c : v)
    if (!std::isalnum(c) && c != '-' && c != '.' && c != '_' && c != '~') return false;
  return true;
}

// The token endpoint's statements, prepared once per connection (store/statement_cache.h).
struct SelectCode {
  std::string hash;
  std::string client_id, redirect_uri, scope, nonce, challenge;
  long long person_id = 0, session_id = 0, auth_time = 0, expires_at = 0, used_at = 0;
  int level = 1;
  soci::indicator nonce_ind = soci::i_null, challenge_ind = soci::i_null, used_ind = soci::i_null;
  soci::statement st;
  explicit SelectCode(soci::session& sql)
      : st((sql.prepare << "SELECT client_id, person_id, session_id, redirect_uri, scope, nonce, code_challenge, auth_time, "
                           "level, expires_at, used_at FROM oidc_codes WHERE code_hash = :h",
            soci::into(client_id), soci::into(person_id), soci::into(session_id), soci::into(redirect_uri), soci::into(scope),
            soci::into(nonce, nonce_ind), soci::into(challenge, challenge_ind), soci::into(auth_time), soci::into(level),
            soci::into(expires_at), soci::into(used_at, used_ind), soci::use(hash))) {}
};

struct ClaimCode {
  long long now = 0;
  std::string hash;
  soci::statement st;
  explicit ClaimCode(soci::session& sql)
      : st((sql.prepare << "UPDATE oidc_codes SET used_at = :now WHERE code_hash = :h AND used_at IS NULL", soci::use(now),
            soci::use(hash))) {}
};

// The code, once spent, names the family it started (a second use revokes that family).
struct LinkCodeFamily {
  long long family_id = 0;
  std::string hash;
  soci::statement st;
  explicit LinkCodeFamily(soci::session& sql)
      : st((sql.prepare << "UPDATE oidc_codes SET family_id = :f WHERE code_hash = :h", soci::use(family_id), soci::use(hash))) {}
};

// A refresh spends the family's current refresh token: compare-and-set on its generation.
struct AdvanceRefresh {
  long long next = 0, family_id = 0, generation = 0;
  soci::statement st;
  explicit AdvanceRefresh(soci::session& sql)
      : st((sql.prepare << "UPDATE oidc_token_families SET refresh_generation = :next "
                           "WHERE id = :id AND refresh_generation = :gen AND revoked_at IS NULL",
            soci::use(next), soci::use(family_id), soci::use(generation))) {}
};

// The person's status, whether they still have a grant for the client and whether the client is
// still enabled, in one look-up.
struct SelectStanding {
  std::string client_id;
  long long person_id = 0;
  std::string status;
  long long grants = 0, client_enabled = 0;
  soci::statement st;
  explicit SelectStanding(soci::session& sql)
      : st((sql.prepare << "SELECT p.status, (SELECT COUNT(*) FROM oidc_grants g WHERE g.person_id = p.id AND g.client_id = :c), "
                           "(SELECT COUNT(*) FROM oidc_clients c WHERE c.client_id = :c2 AND c.enabled <> 0) "
                           "FROM persons p WHERE p.id = :p",
            soci::into(status), soci::into(grants), soci::into(client_enabled), soci::use(client_id), soci::use(client_id),
            soci::use(person_id))) {}
};

enum class Standing { Granted, ClientDisabled, Withdrawn };

// Whether the person may still receive tokens for this client: active, the consent not
// withdrawn, and the client not disabled since it authenticated (client_cache.h).
Standing standing_of(soci::session& sql, long long person_id, const std::string& client_id) {
  store::Prepared<SelectStanding> standing(sql);
  standing->client_id = client_id;
  standing->person_id = person_id;
  if (!store::run(sql, standing->st).got_data) return Standing::Withdrawn;
  if (standing->client_enabled == 0) return Standing::ClientDisabled;
  return standing->status == "active" && standing->grants > 0 ? Standing::Granted : Standing::Withdrawn;
}

struct CodeRow {
  std::string client_id, redirect_uri, scope;
  std::optional<std::string> nonce, challenge;
  long long person_id = 0, session_id = 0, auth_time = 0, expires_at = 0;
  int level = 1;
  bool used = false;
};

std::optional<CodeRow> find_code(soci::session& sql, const std::string& code_hash) {
  store::Prepared<SelectCode> select(sql);
  select->hash = code_hash;
  if (!store::run(sql, select->st).got_data) return std::nullopt;
  CodeRow c;
  c.client_id = select->client_id;
  c.redirect_uri = select->redirect_uri;
  c.scope = select->scope;
  if (select->nonce_ind == soci::i_ok) c.nonce = select->nonce;
  if (select->challenge_ind == soci::i_ok) c.challenge = select->challenge;
  c.person_id = select->person_id;
  c.session_id = select->session_id;
  c.auth_time = select->auth_time;
  c.expires_at = select->expires_at;
  c.level = select->level;
  c.used = select->used_ind == soci::i_ok;
  return c;
}

long long claim(soci::session& sql, auto& statement, long long now, const std::string& hash) {
  statement->now = now;
  statement->hash = hash;
  return store::run(sql, statement->st).affected_rows;
}

// What a token transaction gives when every check passed: the response but for the ID token's
// signature.
struct Issued {
  TokenFamily family;
  NewTokens tokens;
  nlohmann::json id_claims;
};
using Outcome = std::variant<ApiResponse, Issued>;

// Each exchange is one short write transaction that applies every check (single use by
// compare-and-set, reuse revoking, PKCE, the client, the grant and the person's status), seals
// the access and refresh tokens to the family (nothing per token is stored: bearer_token.h),
// reads what the ID token says and writes the audit record. SQLite has one writer at a time:
// what runs inside BEGIN IMMEDIATE bounds the whole endpoint's throughput, and concurrent
// exchanges share one COMMIT (store/write_batcher.h). The ES256 signature, the CPU work, comes
// after the COMMIT, and nobody is answered before it. (Were signing ever to fail there, the
// code would be spent unanswered: the client starts a new authorization, as after a lost reply.)
ApiResponse answer(const OidcCall& call, const SigningKey& key, Outcome outcome) {
  if (auto* refused = std::get_if<ApiResponse>(&outcome)) return std::move(*refused);
  Issued& issued = std::get<Issued>(outcome);
  issued.tokens.id_token = sign_id_token(key, issued.id_claims);
  return no_store_json(200, token_response(call.settings(), issued.family, issued.tokens));
}

ApiResponse exchange_code(app::Services& services, const OidcCall& call, const http::ApiRequest& request, const Params& form,
                          const store::OidcClient& client, const std::string& issuer) {
  const std::string code = param(form, "code");
  const std::string redirect_uri = param(form, "redirect_uri");
  const auto verifier_it = form.find("code_verifier");
  if (code.empty() || code.size() > 128) return oauth_error(400, "invalid_request", "code is required");
  const std::string code_hash = crypto::token_hash(code);
  const SigningKey key = id_token_key(services, call.provider, client);
  const long long now = services.now_seconds();
  return answer(call, key, call.provider.token_writes->transact(*services.db, [&](soci::session& sql) -> Outcome {
    const auto row = find_code(sql, code_hash);
    if (!row) return invalid_grant("unknown code");
    const std::string target = "oidc_client:" + client.client_id;
    const long long person_id = row->person_id;
    if (row->client_id != client.client_id) {
      record_audit(sql, now, {target, "oidc.token.code", "oidc_client:" + row->client_id, request.client_ip, "denied", "other_client"});
      return invalid_grant("the code was issued to another client");
    }
    if (row->used) {
      // RFC 6749 §4.1.2: a code used twice revokes the tokens issued from it.
      const int revoked = revoke_families_of_code(sql, code_hash, now);
      record_audit(sql, now, {target, "oidc.token.code", "person:" + std::to_string(person_id), request.client_ip,
                              "denied", "code_reused revoked=" + std::to_string(revoked)});
      return invalid_grant("the code was already used");
    }
    if (row->expires_at <= now) return invalid_grant("the code has expired");
    if (redirect_uri != row->redirect_uri) return invalid_grant("redirect_uri differs from the authorization request");
    if (row->challenge) {
      if (verifier_it == form.end() || !is_code_verifier(verifier_it->second) || crypto::pkce_s256(verifier_it->second) != *row->challenge)
        return invalid_grant("code_verifier does not match the code_challenge");
    } else if (verifier_it != form.end()) {
      return invalid_grant("no code_challenge was sent with the authorization request");
    }
    const Standing standing = standing_of(sql, person_id, client.client_id);
    if (standing == Standing::ClientDisabled) return client_refusal(call, "the client is disabled");
    if (standing == Standing::Withdrawn) return invalid_grant("the authorization was withdrawn");
    store::Prepared<ClaimCode> claim_code(sql);
    if (claim(sql, claim_code, now, code_hash) != 1) return invalid_grant("the code was already used");
    // agentclaims: the enterprise the code acts for must still back the person (enterprise_claims.h).
    const ActingEnterprise acting = code_acting(sql, code_hash, row->scope);
    const auto enterprise = enterprise_claims(services, sql, person_id, acting);
    if (!enterprise) {
      record_audit(sql, now, {target, "oidc.token.code", "person:" + std::to_string(person_id), request.client_ip, "denied",
                              "acting_ended"}, acting_text(acting));
      return invalid_grant("the enterprise identity of the authorization no longer holds");
    }
    const TokenFamily family = start_family(services, call.settings(), sql, client.client_id, person_id, row->session_id,
                                            code_hash, row->scope, row->auth_time, row->level);
    store::Prepared<LinkCodeFamily> link(sql);
    link->family_id = family.id;
    link->hash = code_hash;
    store::run(sql, link->st);
    remember_family_acting(sql, family.id, acting);  // agentclaims
    note_grant_use(sql, family, now);
    record_audit(sql, now, {target, "oidc.token.code", "person:" + std::to_string(person_id), request.client_ip, "ok",
                            "family:" + std::to_string(family.id)});
    return Issued{family, issue_tokens(services, call.settings(), family, family.refresh_generation, now),
                  id_token_claims(services, call.settings(), sql, client, family, issuer, row->nonce, *enterprise, now)};
  }));
}

ApiResponse refresh(app::Services& services, const OidcCall& call, const http::ApiRequest& request, const Params& form,
                    const store::OidcClient& client, const std::string& issuer) {
  const std::string token = param(form, "refresh_token");
  if (token.empty() || token.size() > 256) return oauth_error(400, "invalid_request", "refresh_token is required");
  const SigningKey key = id_token_key(services, call.provider, client);
  const long long now = services.now_seconds();
  return answer(call, key, call.provider.token_writes->transact(*services.db, [&](soci::session& sql) -> Outcome {
    const auto presented = find_refresh_token(services, sql, token);
    if (!presented) return invalid_grant("unknown refresh token");
    const TokenFamily& family = presented->family;
    if (family.client_id != client.client_id) return invalid_grant("the refresh token was issued to another client");
    const std::string target = "oidc_client:" + client.client_id;
    const std::string person = "person:" + std::to_string(family.person_id);
    const auto reused = [&] {
      revoke_family(sql, family.id, now, "refresh_reused");
      record_audit(sql, now, {target, "oidc.token.refresh", person, request.client_ip, "denied",
                              "refresh_reused family:" + std::to_string(family.id)});
      return invalid_grant("the refresh token was already used; its family is revoked");
    };
    if (presented->rotated && !family.revoked) return reused();
    if (family.revoked || presented->rotated) return invalid_grant("the refresh token was revoked");
    if (presented->expires_at <= now || family.expires_at <= now) return invalid_grant("the refresh token has expired");
    if (const auto it = form.find("scope"); it != form.end()) {
      const auto granted = split_scope(family.scope);
      for (const auto& s : split_scope(it->second))
        if (!granted.count(s)) return oauth_error(400, "invalid_scope", "scope " + s + " was not granted");
    }
    const Standing standing = standing_of(sql, family.person_id, client.client_id);
    if (standing == Standing::ClientDisabled) return client_refusal(call, "the client is disabled");
    if (standing == Standing::Withdrawn) {
      revoke_family(sql, family.id, now, "grant_revoked");
      return invalid_grant("the authorization was withdrawn");
    }
    store::Prepared<AdvanceRefresh> advance(sql);
    advance->family_id = family.id;
    advance->generation = presented->generation;
    advance->next = presented->generation + 1;
    if (store::run(sql, advance->st).affected_rows != 1) return reused();
    // agentclaims: a grant disabled, revoked or expired (or a representative replaced) ends the family.
    const auto enterprise = family_enterprise_claims(services, sql, family);
    if (!enterprise) {
      end_family_for_lost_identity(sql, family, now, request.client_ip, "oidc.token.refresh");
      return invalid_grant("the enterprise identity of the authorization no longer holds");
    }
    note_grant_use(sql, family, now);
    record_audit(sql, now, {target, "oidc.token.refresh", person, request.client_ip, "ok", "family:" + std::to_string(family.id)});
    return Issued{family, issue_tokens(services, call.settings(), family, advance->next, now),
                  id_token_claims(services, call.settings(), sql, client, family, issuer, std::nullopt, *enterprise, now)};
  }));
}

}  // namespace

ApiResponse token(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  const std::string issuer = issuer_of(services, call);
  if (issuer.empty()) return oauth_error(503, "temporarily_unavailable", "the provider's issuer is not configured");
  const auto form = parse_form(request.body);
  if (!form) return oauth_error(400, "invalid_request", "the body must be application/x-www-form-urlencoded, each parameter once");
  auto who = authenticate_client(services, call, *form);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::OidcClient& client = std::get<store::OidcClient>(who);
  const long long now = services.now_seconds();
  if (const auto verdict = call.provider.token_rate_limit->take(client.client_id, now); verdict.retry_after > 0) {
    if (verdict.first_refusal)
      services.db->transact([&](soci::session& sql) {
        record_audit(sql, now, {"oidc_client:" + client.client_id, "oidc.token.throttled", "oidc_client:" + client.client_id,
                                request.client_ip, "denied", "over token_requests_per_minute"});
      });
    return too_many_token_requests(verdict.retry_after);
  }
  const std::string grant_type = param(*form, "grant_type");
  if (grant_type == "authorization_code") return exchange_code(services, call, request, *form, client, issuer);
  if (grant_type == "refresh_token") return refresh(services, call, request, *form, client, issuer);
  if (grant_type.empty()) return oauth_error(400, "invalid_request", "grant_type is required");
  return oauth_error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
}

}  // namespace uia::flows::oidc
