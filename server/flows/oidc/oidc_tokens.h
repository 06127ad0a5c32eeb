// What the provider hands out and takes back: the subject a client sees, token families (one
// per code exchange; refresh tokens rotate inside a family, reuse of a rotated one revokes the
// family), access and refresh tokens sealed to their family (bearer_token.h), signed ID tokens,
// and revocation of a person's grants.
#pragma once
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>
#include <soci/session.h>

#include "app/services.h"
#include "flows/oidc/provider.h"
#include "flows/oidc/signing_keys.h"
#include "store/oidc_client_repository.h"

namespace uia::flows::oidc {

constexpr int kMaxLevel = 3;
// acr value for a real-name level: "urn:uia:level:2".
std::string acr_for_level(int level);
std::optional<int> level_from_acr(const std::string& acr);

// The scopes the provider knows; a request naming another one is refused (invalid_scope).
const std::set<std::string>& supported_scopes();
std::set<std::string> split_scope(const std::string& scope);
std::string join_scope(const std::set<std::string>& scopes);

// The `sub` a client sees: the same for every public-subject client, distinct per client for a
// pairwise one (a keyed hash: clients cannot join their users up).
std::string subject_for(const app::Services& services, const store::OidcClient& client, long long person_id);
std::string subject_for(const app::Services& services, const std::string& client_id, const std::string& subject_type,
                        long long person_id);

// The "sid" claim of a sign-in session (ID tokens, logout tokens): stable per session, opaque.
std::string sid_for_session(long long session_id);

struct TokenFamily {
  long long id = 0;
  std::string client_id;
  long long person_id = 0;
  long long session_id = 0;
  std::string scope;
  long long auth_time = 0;
  int level = 1;
  long long created_at = 0;
  long long expires_at = 0;
  bool revoked = false;
  long long refresh_generation = 0;  // the generation of the one refresh token still usable
  long long access_floor = 0;        // access tokens of an older generation are revoked
};

// Starts a family for a code just exchanged (the returned family carries its new id).
TokenFamily start_family(app::Services& services, const OidcSettings& settings, soci::session& sql, const std::string& client_id, long long person_id,
                         long long session_id, const std::string& code_hash, const std::string& scope,
                         long long auth_time, int level);
std::optional<TokenFamily> find_family(soci::session& sql, long long family_id);

// The key the client's ID tokens are signed with. Take it before opening the transaction that
// issues tokens: making a key writes through a connection of its own, which would wait for
// that transaction's write lock on SQLite.
// The provider keeps the key between requests (SigningKeyCache).
SigningKey id_token_key(app::Services& services, const Provider& provider, const store::OidcClient& client);
// The claims of a token response's ID token, read in the transaction that issues the tokens:
// `nonce` only on the code exchange; `extra_claims` (an object or null) join them: whom the
// person acts for (enterprise_claims.h), checked by the caller. `sql` reads the person when the
// scope asks for ID-document claims (uia_id); no writes.
nlohmann::json id_token_claims(app::Services& services, const OidcSettings& settings, soci::session& sql,
                               const store::OidcClient& client, const TokenFamily& family, const std::string& issuer,
                               const std::optional<std::string>& nonce, const nlohmann::json& extra_claims, long long now);
// The ID token, signed with `key`. The token endpoint signs AFTER the transaction committed: the
// ES256 signature is CPU work that need not hold SQLite's single write lock. Throws when the key
// cannot sign.
std::string sign_id_token(const SigningKey& key, const nlohmann::json& claims);
// What one token response hands out.
struct NewTokens {
  std::string access, refresh, id_token;
  long long issued_at = 0;
};
// The access and refresh tokens of `family` at refresh `generation`, sealed (bearer_token.h):
// nothing to store, the family's row already holds what decides whether they stay good. The ID
// token is the caller's (sign_id_token).
NewTokens issue_tokens(const app::Services& services, const OidcSettings& settings, const TokenFamily& family,
                       long long generation, long long now);
// The grant's last use, in the caller's transaction.
void note_grant_use(soci::session& sql, const TokenFamily& family, long long now);
nlohmann::json token_response(const OidcSettings& settings, const TokenFamily& family, const NewTokens& tokens);

struct AccessToken {
  TokenFamily family;
  long long generation = 0;
  long long issued_at = 0;
  long long expires_at = 0;
  std::string subject_type;  // the client's (read in the same query: userinfo needs no other)
};
// The access token's family when the token, its family and its client are all still good.
std::optional<AccessToken> find_access_token(app::Services& services, soci::session& sql, const std::string& token);
// Revokes the family's access tokens of a generation below `floor` (RFC 7009 for one access
// token: those issued with it go too; the refresh token keeps working).
void revoke_access_tokens_before(soci::session& sql, long long family_id, long long floor);

struct RefreshToken {
  TokenFamily family;
  long long generation = 0;
  long long issued_at = 0;
  long long expires_at = 0;
  bool rotated = false;  // a newer refresh token replaced it: using it again is a reuse
  bool usable = false;   // the family's current one, family not revoked, not expired
};
// A refresh token sealed by this provider, with its family; nullopt for anything else.
std::optional<RefreshToken> find_refresh_token(app::Services& services, soci::session& sql, const std::string& token);

void revoke_family(soci::session& sql, long long family_id, long long now, const std::string& reason);
// The families started from a code (a reused code revokes what it gave out).
int revoke_families_of_code(soci::session& sql, const std::string& code_hash, long long now);
// A person withdraws consent for one client: the grant goes, every family is revoked.
bool revoke_grant(soci::session& sql, long long person_id, const std::string& client_id, long long now);
// Account deletion: every grant and token of the person.
void revoke_all_grants(soci::session& sql, long long person_id, long long now);
// Every token the person holds ends (a frozen account, an account taken back by appeal); the
// grants stay, so the person is not asked to consent again once the account is theirs again.
// Codes not yet exchanged are spent. How many families were revoked.
int revoke_person_tokens(soci::session& sql, long long person_id, long long now, const std::string& reason);

}  // namespace uia::flows::oidc
