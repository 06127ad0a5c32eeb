#include "flows/oidc/token_endpoint.h"

#include <soci/soci.h>

#include "crypto/jose.h"
#include "crypto/pkce.h"
#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/oidc/client_auth.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/oidc/token_rate_limit.h"

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

// The person may still receive tokens for this client: active, and the consent not withdrawn.
bool still_granted(soci::session& sql, long long person_id, const std::string& client_id) {
  std::string status;
  sql << "SELECT status FROM persons WHERE id = :p", soci::into(status), soci::use(person_id);
  if (!sql.got_data() || status != "active") return false;
  long long grants = 0;
  sql << "SELECT COUNT(*) FROM oidc_grants WHERE person_id = :p AND client_id = :c", soci::into(grants),
      soci::use(person_id), soci::use(client_id);
  return grants > 0;
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
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    std::string client_id, stored_redirect, scope, nonce, challenge;
    long long person_id = 0, session_id = 0, auth_time = 0, expires_at = 0, used_at = 0;
    int level = 1;
    soci::indicator nonce_ind, challenge_ind, used_ind;
    sql << "SELECT client_id, person_id, session_id, redirect_uri, scope, nonce, code_challenge, auth_time, level, "
           "expires_at, used_at FROM oidc_codes WHERE code_hash = :h",
        soci::into(client_id), soci::into(person_id), soci::into(session_id), soci::into(stored_redirect), soci::into(scope),
        soci::into(nonce, nonce_ind), soci::into(challenge, challenge_ind), soci::into(auth_time), soci::into(level),
        soci::into(expires_at), soci::into(used_at, used_ind), soci::use(code_hash);
    if (!sql.got_data()) return invalid_grant("unknown code");
    const std::string target = "oidc_client:" + client.client_id;
    if (client_id != client.client_id) {
      record_audit(sql, now, {target, "oidc.token.code", "oidc_client:" + client_id, request.client_ip, "denied", "other_client"});
      return invalid_grant("the code was issued to another client");
    }
    if (used_ind == soci::i_ok) {
      // RFC 6749 §4.1.2: a code used twice revokes the tokens issued from it.
      const int revoked = revoke_families_of_code(sql, code_hash, now);
      record_audit(sql, now, {target, "oidc.token.code", "person:" + std::to_string(person_id), request.client_ip,
                              "denied", "code_reused revoked=" + std::to_string(revoked)});
      return invalid_grant("the code was already used");
    }
    if (expires_at <= now) return invalid_grant("the code has expired");
    if (redirect_uri != stored_redirect) return invalid_grant("redirect_uri differs from the authorization request");
    if (challenge_ind == soci::i_ok) {
      if (verifier_it == form.end() || !is_code_verifier(verifier_it->second) || crypto::pkce_s256(verifier_it->second) != challenge)
        return invalid_grant("code_verifier does not match the code_challenge");
    } else if (verifier_it != form.end()) {
      return invalid_grant("no code_challenge was sent with the authorization request");
    }
    soci::statement claim = (sql.prepare << "UPDATE oidc_codes SET used_at = :now WHERE code_hash = :h AND used_at IS NULL",
                             soci::use(now), soci::use(code_hash));
    claim.execute(true);
    if (claim.get_affected_rows() != 1) return invalid_grant("the code was already used");
    if (!still_granted(sql, person_id, client.client_id)) return invalid_grant("the authorization was withdrawn");
    // agentclaims: the enterprise the code acts for must still back the person (enterprise_claims.h).
    const ActingEnterprise acting = code_acting(sql, code_hash);
    if (!enterprise_claims(services, sql, person_id, acting)) {
      record_audit(sql, now, {target, "oidc.token.code", "person:" + std::to_string(person_id), request.client_ip, "denied",
                              "acting_ended"}, acting_text(acting));
      return invalid_grant("the enterprise identity of the authorization no longer holds");
    }
    const TokenFamily family =
        start_family(services, call.settings(), sql, client.client_id, person_id, session_id, code_hash, scope, auth_time, level);
    remember_family_acting(sql, family.id, acting);  // agentclaims
    const std::optional<std::string> nonce_value = nonce_ind == soci::i_ok ? std::optional(nonce) : std::nullopt;
    nlohmann::json tokens = issue_tokens(services, call.settings(), sql, client, family, issuer, nonce_value, key);
    record_audit(sql, now, {target, "oidc.token.code", "person:" + std::to_string(person_id), request.client_ip, "ok",
                            "family:" + std::to_string(family.id)});
    return no_store_json(200, tokens);
  });
}

ApiResponse refresh(app::Services& services, const OidcCall& call, const http::ApiRequest& request, const Params& form,
                    const store::OidcClient& client, const std::string& issuer) {
  const std::string token = param(form, "refresh_token");
  if (token.empty() || token.size() > 256) return oauth_error(400, "invalid_request", "refresh_token is required");
  const std::string hash = crypto::token_hash(token);
  const SigningKey key = id_token_key(services, call.provider, client);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    long long family_id = 0, used_at = 0, expires_at = 0;
    soci::indicator used_ind;
    sql << "SELECT family_id, used_at, expires_at FROM oidc_refresh_tokens WHERE token_hash = :h", soci::into(family_id),
        soci::into(used_at, used_ind), soci::into(expires_at), soci::use(hash);
    if (!sql.got_data()) return invalid_grant("unknown refresh token");
    const auto family = find_family(sql, family_id);
    if (!family || family->client_id != client.client_id) return invalid_grant("the refresh token was issued to another client");
    const std::string target = "oidc_client:" + client.client_id;
    const std::string person = "person:" + std::to_string(family->person_id);
    const auto reused = [&] {
      revoke_family(sql, family_id, now, "refresh_reused");
      record_audit(sql, now, {target, "oidc.token.refresh", person, request.client_ip, "denied",
                              "refresh_reused family:" + std::to_string(family_id)});
      return invalid_grant("the refresh token was already used; its family is revoked");
    };
    if (used_ind == soci::i_ok && !family->revoked) return reused();
    if (family->revoked || used_ind == soci::i_ok) return invalid_grant("the refresh token was revoked");
    if (expires_at <= now || family->expires_at <= now) return invalid_grant("the refresh token has expired");
    if (const auto it = form.find("scope"); it != form.end()) {
      const auto granted = split_scope(family->scope);
      for (const auto& s : split_scope(it->second))
        if (!granted.count(s)) return oauth_error(400, "invalid_scope", "scope " + s + " was not granted");
    }
    soci::statement claim = (sql.prepare << "UPDATE oidc_refresh_tokens SET used_at = :now WHERE token_hash = :h AND used_at IS NULL",
                             soci::use(now), soci::use(hash));
    claim.execute(true);
    if (claim.get_affected_rows() != 1) return reused();
    if (!still_granted(sql, family->person_id, client.client_id)) {
      revoke_family(sql, family_id, now, "grant_revoked");
      return invalid_grant("the authorization was withdrawn");
    }
    // agentclaims: a grant disabled, revoked or expired (or a representative replaced) ends the family.
    if (!family_enterprise_claims(services, sql, *family)) {
      end_family_for_lost_identity(sql, *family, now, request.client_ip, "oidc.token.refresh");
      return invalid_grant("the enterprise identity of the authorization no longer holds");
    }
    nlohmann::json tokens = issue_tokens(services, call.settings(), sql, client, *family, issuer, std::nullopt, key);
    record_audit(sql, now, {target, "oidc.token.refresh", person, request.client_ip, "ok", "family:" + std::to_string(family_id)});
    return no_store_json(200, tokens);
  });
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
