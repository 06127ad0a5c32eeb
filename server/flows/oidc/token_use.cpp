#include "flows/oidc/token_use.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/oidc/client_auth.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/id_claims.h"
#include "flows/oidc/oidc_tokens.h"
#include "store/person_repository.h"

namespace uia::flows::oidc {
namespace {
using http::ApiResponse;

// RFC 6750 §3.1.
ApiResponse invalid_token(const std::string& why) {
  ApiResponse out = oauth_error(401, "invalid_token", why);
  out.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  return out;
}

}  // namespace

ApiResponse userinfo(app::Services& services, const OidcCall&, const http::ApiRequest& request) {
  std::string token = request.bearer_token;
  if (token.empty() && request.method == Pistache::Http::Method::Post) {
    const auto form = parse_form(request.body);
    if (form && form->count("access_token")) token = form->at("access_token");
  }
  if (token.empty()) {
    ApiResponse out = oauth_error(401, "invalid_request", "an access token is required");
    out.headers.emplace_back("WWW-Authenticate", "Bearer");
    return out;
  }
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  std::optional<TokenFamily> lost_identity;  // agentclaims: revoked below, in a transaction of its own
  ApiResponse answer = services.db->with_session([&](soci::session& sql) -> ApiResponse {
    // The token's query also checks its client is enabled and brings the client's subject type.
    const auto access = find_access_token(services, sql, token);
    if (!access) return invalid_token("the access token is invalid, expired or revoked");
    const auto person = persons.find_by_id(sql, access->family.person_id);
    if (!person || person->status != store::PersonStatus::Active)
      return invalid_token("the access token is invalid, expired or revoked");
    const auto enterprise = family_enterprise_claims(services, sql, access->family);  // agentclaims
    if (!enterprise) {
      lost_identity = access->family;
      return invalid_token("the enterprise identity of the access token no longer holds");
    }
    const auto scopes = split_scope(access->family.scope);
    nlohmann::json claims = {{"sub", subject_for(services, access->family.client_id, access->subject_type, person->id)},
                             {"uia_level", person->level},
                             {"acr", acr_for_level(access->family.level)}};
    if (scopes.count("profile")) claims["name"] = person->name;
    if (scopes.count("phone") && person->phone) {
      claims["phone_number"] = *person->phone;
      // Every phone on the platform was proved by an SMS code when it was bound.
      claims["phone_number_verified"] = true;
    }
    add_id_claims(*person, scopes, claims);
    add_enterprise_claims(*enterprise, claims);  // agentclaims
    ApiResponse out = ApiResponse::json(200, claims);
    out.headers.emplace_back("Cache-Control", "no-store");
    return out;
  });
  if (lost_identity)  // agentclaims
    services.db->transact([&](soci::session& sql) {
      end_family_for_lost_identity(sql, *lost_identity, services.now_seconds(), request.client_ip, "oidc.userinfo");
    });
  return answer;
}

ApiResponse introspect(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  const auto form = parse_form(request.body);
  if (!form) return oauth_error(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
  auto who = authenticate_client(services, call, *form, /*allow_public=*/false);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::OidcClient& client = std::get<store::OidcClient>(who);
  const auto token_it = form->find("token");
  if (token_it == form->end() || token_it->second.empty()) return oauth_error(400, "invalid_request", "token is required");
  const std::string hint = form->count("token_type_hint") ? form->at("token_type_hint") : "";
  const std::string issuer = issuer_of(services, call);
  return services.db->with_session([&](soci::session& sql) -> ApiResponse {
    const auto answer = [&](const TokenFamily& family, long long iat, long long exp, const char* type) {
      // agentclaims: a token whose enterprise identity no longer holds is inactive.
      const auto enterprise = family_enterprise_claims(services, sql, family);
      if (!enterprise) return no_store_json(200, {{"active", false}});
      nlohmann::json out = {{"active", true}, {"scope", family.scope}, {"client_id", family.client_id},
                            {"sub", subject_for(services, client, family.person_id)}, {"iat", iat}, {"exp", exp},
                            {"token_type", type}, {"iss", issuer}, {"aud", family.client_id},
                            {"acr", acr_for_level(family.level)}, {"uia_level", family.level}};
      add_enterprise_claims(*enterprise, out);
      return no_store_json(200, out);
    };
    // A client learns only about its own tokens; anything else is simply inactive.
    if (hint != "refresh_token") {
      if (const auto access = find_access_token(services, sql, token_it->second); access && access->family.client_id == client.client_id)
        return answer(access->family, access->issued_at, access->expires_at, "Bearer");
    }
    if (const auto refresh = find_refresh_token(services, sql, token_it->second);
        refresh && refresh->usable && refresh->family.client_id == client.client_id)
      return answer(refresh->family, refresh->issued_at, refresh->expires_at, "refresh_token");
    if (hint == "refresh_token") {
      if (const auto access = find_access_token(services, sql, token_it->second); access && access->family.client_id == client.client_id)
        return answer(access->family, access->issued_at, access->expires_at, "Bearer");
    }
    return no_store_json(200, {{"active", false}});
  });
}

ApiResponse revoke(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  const auto form = parse_form(request.body);
  if (!form) return oauth_error(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
  auto who = authenticate_client(services, call, *form);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::OidcClient& client = std::get<store::OidcClient>(who);
  const auto token_it = form->find("token");
  if (token_it == form->end() || token_it->second.empty()) return oauth_error(400, "invalid_request", "token is required");
  const std::string& token = token_it->second;
  const long long now = services.now_seconds();
  services.db->transact([&](soci::session& sql) {
    const std::string target = "oidc_client:" + client.client_id;
    // A refresh token ends its family (and the access tokens it gave); an access token ends with
    // the family's access tokens issued up to it, and the refresh token keeps working.
    if (const auto refresh = find_refresh_token(services, sql, token); refresh && refresh->family.client_id == client.client_id) {
      revoke_family(sql, refresh->family.id, now, "client_revoked");
      record_audit(sql, now, {target, "oidc.revoke", "person:" + std::to_string(refresh->family.person_id),
                              request.client_ip, "ok", "refresh_token family:" + std::to_string(refresh->family.id)});
      return;
    }
    if (const auto access = find_access_token(services, sql, token); access && access->family.client_id == client.client_id) {
      revoke_access_tokens_before(sql, access->family.id, access->generation + 1);
      record_audit(sql, now, {target, "oidc.revoke", "person:" + std::to_string(access->family.person_id),
                              request.client_ip, "ok", "access_token"});
    }
  });
  // RFC 7009 §2.2: 200 whether or not the token was known.
  ApiResponse out;
  out.status = 200;
  out.headers.emplace_back("Cache-Control", "no-store");
  return out;
}

}  // namespace uia::flows::oidc
