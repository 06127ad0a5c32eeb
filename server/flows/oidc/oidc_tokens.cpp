#include "flows/oidc/oidc_tokens.h"

#include <stdexcept>

#include <soci/soci.h>

#include "crypto/jose.h"
#include "crypto/tokens.h"
#include "flows/oidc/bearer_token.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/id_claims.h"
#include "flows/oidc/signing_key_cache.h"
#include "flows/oidc/signing_keys.h"
#include "store/person_repository.h"
#include "store/statement_cache.h"

namespace uia::flows::oidc {
namespace {

constexpr const char* kAcrPrefix = "urn:uia:level:";

constexpr const char* kFamilyColumns =
    "f.id, f.client_id, f.person_id, f.session_id, f.scope, f.auth_time, f.level, f.created_at, f.expires_at, f.revoked_at, "
    "f.refresh_generation, f.access_floor";

// Reads the kFamilyColumns of the current row.
struct FamilyRow {
  TokenFamily f;
  soci::indicator revoked_ind = soci::i_null;
  long long revoked_at = 0;
};

// The token endpoint's and userinfo's statements, prepared once per connection
// (store/statement_cache.h): members are the bound values, `st` comes last.
struct InsertFamily {
  TokenFamily f;
  std::string code_hash;
  soci::statement st;
  explicit InsertFamily(soci::session& sql)
      : st((sql.prepare << "INSERT INTO oidc_token_families (client_id, person_id, session_id, code_hash, scope, auth_time, "
                           "level, created_at, expires_at) VALUES (:c, :p, :s, :h, :scope, :auth, :level, :at, :exp)",
            soci::use(f.client_id), soci::use(f.person_id), soci::use(f.session_id), soci::use(code_hash), soci::use(f.scope),
            soci::use(f.auth_time), soci::use(f.level), soci::use(f.created_at), soci::use(f.expires_at))) {}
};

struct TouchGrant {
  long long now = 0, person_id = 0;
  std::string client_id;
  soci::statement st;
  explicit TouchGrant(soci::session& sql)
      : st((sql.prepare << "UPDATE oidc_grants SET last_used_at = :now WHERE person_id = :p AND client_id = :c",
            soci::use(now), soci::use(person_id), soci::use(client_id))) {}
};

struct SelectFamily {
  long long id = 0;
  FamilyRow r;
  soci::statement st;
  explicit SelectFamily(soci::session& sql)
      : st((sql.prepare << "SELECT " << kFamilyColumns << " FROM oidc_token_families f WHERE f.id = :id", soci::into(r.f.id),
            soci::into(r.f.client_id), soci::into(r.f.person_id), soci::into(r.f.session_id), soci::into(r.f.scope),
            soci::into(r.f.auth_time), soci::into(r.f.level), soci::into(r.f.created_at), soci::into(r.f.expires_at),
            soci::into(r.revoked_at, r.revoked_ind), soci::into(r.f.refresh_generation), soci::into(r.f.access_floor),
            soci::use(id))) {}
};

// An access token's family with its client's state.
struct SelectAccessFamily {
  long long id = 0;
  FamilyRow r;
  int enabled = 0;
  std::string subject_type;
  soci::statement st;
  explicit SelectAccessFamily(soci::session& sql)
      : st((sql.prepare << "SELECT " << kFamilyColumns << ", c.enabled, c.subject_type "
                           "FROM oidc_token_families f JOIN oidc_clients c ON c.client_id = f.client_id WHERE f.id = :id",
            soci::into(r.f.id), soci::into(r.f.client_id), soci::into(r.f.person_id), soci::into(r.f.session_id),
            soci::into(r.f.scope), soci::into(r.f.auth_time), soci::into(r.f.level), soci::into(r.f.created_at),
            soci::into(r.f.expires_at), soci::into(r.revoked_at, r.revoked_ind), soci::into(r.f.refresh_generation),
            soci::into(r.f.access_floor), soci::into(enabled), soci::into(subject_type), soci::use(id))) {}
};

}  // namespace

std::string acr_for_level(int level) { return kAcrPrefix + std::to_string(level); }

std::optional<int> level_from_acr(const std::string& acr) {
  if (acr.rfind(kAcrPrefix, 0) != 0) return std::nullopt;
  const std::string digits = acr.substr(std::string_view(kAcrPrefix).size());
  if (digits.size() != 1 || digits[0] < '1' || digits[0] > '0' + kMaxLevel) return std::nullopt;
  return digits[0] - '0';
}

const std::set<std::string>& supported_scopes() {
  static const std::set<std::string> all = {"openid", "profile", "phone", "uia_id", "uia_enterprise"};
  return all;
}

std::set<std::string> split_scope(const std::string& scope) {
  std::set<std::string> out;
  std::size_t at = 0;
  while (at < scope.size()) {
    const auto space = scope.find(' ', at);
    const std::string item = scope.substr(at, space == std::string::npos ? std::string::npos : space - at);
    if (!item.empty()) out.insert(item);
    if (space == std::string::npos) break;
    at = space + 1;
  }
  return out;
}

std::string join_scope(const std::set<std::string>& scopes) {
  std::string out;
  // "openid" first reads naturally; the rest in set order.
  if (scopes.count("openid")) out = "openid";
  for (const auto& s : scopes) {
    if (s == "openid") continue;
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

std::string subject_for(const app::Services& services, const store::OidcClient& client, long long person_id) {
  return subject_for(services, client.client_id, client.subject_type, person_id);
}

std::string subject_for(const app::Services& services, const std::string& client_id, const std::string& subject_type,
                        long long person_id) {
  const std::string id = std::to_string(person_id);
  if (subject_type == "pairwise") return (*services.blind_index)("oidc.sub.pairwise." + client_id, id);
  return (*services.blind_index)("oidc.sub.public", id);
}

std::string sid_for_session(long long session_id) {
  return crypto::token_hash("oidc.sid." + std::to_string(session_id)).substr(0, 32);
}

TokenFamily start_family(app::Services& services, const OidcSettings& settings, soci::session& sql, const std::string& client_id, long long person_id,
                         long long session_id, const std::string& code_hash, const std::string& scope,
                         long long auth_time, int level) {
  TokenFamily f;
  f.client_id = client_id;
  f.person_id = person_id;
  f.session_id = session_id;
  f.scope = scope;
  f.auth_time = auth_time;
  f.level = level;
  f.created_at = services.now_seconds();
  f.expires_at = f.created_at + settings.refresh_token_seconds;
  store::Prepared<InsertFamily> insert(sql);
  insert->f = f;
  insert->code_hash = code_hash;
  store::run(sql, insert->st);
  // The id of the row just inserted on this connection (SQLite's last_insert_rowid, MySQL's
  // LAST_INSERT_ID()): no second look-up of the family by its code.
  if (!sql.get_last_insert_id("oidc_token_families", f.id) || f.id <= 0)
    throw std::runtime_error("oidc_token_families: no id for the family just inserted");
  return f;
}

std::optional<TokenFamily> find_family(soci::session& sql, long long family_id) {
  store::Prepared<SelectFamily> select(sql);
  select->id = family_id;
  if (!store::run(sql, select->st).got_data) return std::nullopt;
  TokenFamily f = select->r.f;
  f.revoked = select->r.revoked_ind == soci::i_ok;
  return f;
}

SigningKey id_token_key(app::Services& services, const Provider& provider, const store::OidcClient& client) {
  const auto alg = crypto::jws_alg_from_name(client.id_token_alg).value_or(crypto::JwsAlg::ES256);
  return provider.signing_keys->current(services, provider.settings, alg);
}

void note_grant_use(soci::session& sql, const TokenFamily& family, long long now) {
  store::Prepared<TouchGrant> touch(sql);
  touch->now = now;
  touch->person_id = family.person_id;
  touch->client_id = family.client_id;
  store::run(sql, touch->st);
}

NewTokens issue_tokens(const app::Services& services, const OidcSettings& settings, const TokenFamily& family,
                       long long generation, long long now) {
  NewTokens out;
  out.issued_at = now;
  out.access = seal_bearer(*services.blind_index, {BearerKind::Access, family.id, generation, now, now + settings.access_token_seconds});
  out.refresh = seal_bearer(*services.blind_index, {BearerKind::Refresh, family.id, generation, now, family.expires_at});
  return out;
}

nlohmann::json token_response(const OidcSettings& settings, const TokenFamily& family, const NewTokens& tokens) {
  return {{"access_token", tokens.access},   {"token_type", "Bearer"},       {"expires_in", settings.access_token_seconds},
          {"refresh_token", tokens.refresh}, {"id_token", tokens.id_token}, {"scope", family.scope}};
}

nlohmann::json id_token_claims(app::Services& services, const OidcSettings& settings, soci::session& sql,
                               const store::OidcClient& client, const TokenFamily& family, const std::string& issuer,
                               const std::optional<std::string>& nonce, const nlohmann::json& extra_claims, long long now) {
  nlohmann::json claims = {{"iss", issuer},
                           {"sub", subject_for(services, client, family.person_id)},
                           {"aud", client.client_id},
                           {"azp", client.client_id},
                           {"iat", now},
                           {"exp", now + settings.id_token_seconds},
                           {"auth_time", family.auth_time},
                           {"acr", acr_for_level(family.level)},
                           {"uia_level", family.level},
                           {"sid", sid_for_session(family.session_id)}};
  if (nonce && !nonce->empty()) claims["nonce"] = *nonce;
  if (const auto scopes = split_scope(family.scope); scopes.count(kIdScope)) {
    // The ID token carries the document too: an upstream-login consumer then needs no userinfo call.
    const store::PersonRepository persons(*services.cipher, *services.blind_index);
    if (const auto person = persons.find_by_id(sql, family.person_id)) add_id_claims(*person, scopes, claims);
  }
  add_enterprise_claims(extra_claims, claims);
  return claims;
}

std::string sign_id_token(const SigningKey& key, const nlohmann::json& claims) {
  std::string signed_token =
      key.parsed ? crypto::jws_sign(*key.parsed, key.kid, claims) : crypto::jws_sign(key.private_pem, key.alg, key.kid, claims);
  if (signed_token.empty()) throw std::runtime_error("could not sign an ID token");
  return signed_token;
}

std::optional<AccessToken> find_access_token(app::Services& services, soci::session& sql, const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  const auto sealed = open_bearer(*services.blind_index, BearerKind::Access, token);
  if (!sealed) return std::nullopt;
  const long long now = services.now_seconds();
  if (sealed->expires_at <= now) return std::nullopt;
  store::Prepared<SelectAccessFamily> select(sql);
  select->id = sealed->family_id;
  if (!store::run(sql, select->st).got_data) return std::nullopt;
  if (select->r.revoked_ind == soci::i_ok || select->enabled == 0 || sealed->generation < select->r.f.access_floor ||
      sealed->generation > select->r.f.refresh_generation)
    return std::nullopt;
  AccessToken out;
  out.family = select->r.f;
  out.generation = sealed->generation;
  out.issued_at = sealed->issued_at;
  out.expires_at = sealed->expires_at;
  out.subject_type = select->subject_type;
  return out;
}

std::optional<RefreshToken> find_refresh_token(app::Services& services, soci::session& sql, const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  const auto sealed = open_bearer(*services.blind_index, BearerKind::Refresh, token);
  if (!sealed) return std::nullopt;
  auto family = find_family(sql, sealed->family_id);
  if (!family || sealed->generation > family->refresh_generation) return std::nullopt;
  RefreshToken out;
  out.family = std::move(*family);
  out.generation = sealed->generation;
  out.issued_at = sealed->issued_at;
  out.expires_at = sealed->expires_at;
  out.rotated = sealed->generation < out.family.refresh_generation;
  out.usable = !out.rotated && !out.family.revoked && out.expires_at > services.now_seconds();
  return out;
}

void revoke_access_tokens_before(soci::session& sql, long long family_id, long long floor) {
  sql << "UPDATE oidc_token_families SET access_floor = :floor WHERE id = :id AND access_floor < :floor2", soci::use(floor),
      soci::use(family_id), soci::use(floor);
}

void revoke_family(soci::session& sql, long long family_id, long long now, const std::string& reason) {
  sql << "UPDATE oidc_token_families SET revoked_at = :now, revoked_reason = :why WHERE id = :id AND revoked_at IS NULL",
      soci::use(now), soci::use(reason), soci::use(family_id);
}

int revoke_families_of_code(soci::session& sql, const std::string& code_hash, long long now) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT f.id FROM oidc_codes c JOIN oidc_token_families f ON f.id = c.family_id "
                                       "WHERE c.code_hash = :h AND f.revoked_at IS NULL",
                        soci::into(id), soci::use(code_hash));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  for (long long family : ids) revoke_family(sql, family, now, "code_reused");
  return static_cast<int>(ids.size());
}

namespace {
int revoke_families_where(soci::session& sql, long long person_id, const std::string* client_id, long long now,
                          const std::string& reason) {
  std::vector<long long> ids;
  long long id = 0;
  if (client_id) {
    soci::statement st = (sql.prepare << "SELECT id FROM oidc_token_families WHERE person_id = :p AND client_id = :c "
                                         "AND revoked_at IS NULL",
                          soci::into(id), soci::use(person_id), soci::use(*client_id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
  } else {
    soci::statement st = (sql.prepare << "SELECT id FROM oidc_token_families WHERE person_id = :p AND revoked_at IS NULL",
                          soci::into(id), soci::use(person_id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
  }
  for (long long family : ids) revoke_family(sql, family, now, reason);
  return static_cast<int>(ids.size());
}
}  // namespace

bool revoke_grant(soci::session& sql, long long person_id, const std::string& client_id, long long now) {
  soci::statement st = (sql.prepare << "DELETE FROM oidc_grants WHERE person_id = :p AND client_id = :c",
                        soci::use(person_id), soci::use(client_id));
  st.execute(true);
  const bool had_grant = st.get_affected_rows() > 0;
  revoke_families_where(sql, person_id, &client_id, now, "grant_revoked");
  return had_grant;
}

void revoke_all_grants(soci::session& sql, long long person_id, long long now) {
  sql << "DELETE FROM oidc_grants WHERE person_id = :p", soci::use(person_id);
  revoke_families_where(sql, person_id, nullptr, now, "account_deleted");
  sql << "UPDATE oidc_codes SET used_at = :now WHERE person_id = :p AND used_at IS NULL", soci::use(now),
      soci::use(person_id);
}

int revoke_person_tokens(soci::session& sql, long long person_id, long long now, const std::string& reason) {
  const int revoked = revoke_families_where(sql, person_id, nullptr, now, reason);
  sql << "UPDATE oidc_codes SET used_at = :now WHERE person_id = :p AND used_at IS NULL", soci::use(now),
      soci::use(person_id);
  return revoked;
}

}  // namespace uia::flows::oidc
