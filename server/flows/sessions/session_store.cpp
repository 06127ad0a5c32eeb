#include "flows/sessions/session_store.h"

#include <algorithm>

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "store/statement_cache.h"

namespace uia::flows {
namespace {

// The look-up of every signed-in request, prepared once per pooled connection
// (store/statement_cache.h): preparing it cost more than running it.
struct SelectSession {
  std::string hash;
  long long id = 0, person_id = 0, last_seen = 0, expires_at = 0, revoked_at = 0, enterprise_id = 0;
  std::string csrf_token, role;
  soci::indicator revoked = soci::i_null, enterprise_set = soci::i_null, role_set = soci::i_null;
  soci::statement st;
  explicit SelectSession(soci::session& sql)
      : st((sql.prepare << "SELECT id, person_id, csrf_token, last_seen_at, expires_at, revoked_at, enterprise_id, acting_role "
                           "FROM sessions WHERE token_hash = :h",
            soci::into(id), soci::into(person_id), soci::into(csrf_token), soci::into(last_seen), soci::into(expires_at),
            soci::into(revoked_at, revoked), soci::into(enterprise_id, enterprise_set), soci::into(role, role_set),
            soci::use(hash))) {}
};

}  // namespace

NewSession create_session(app::Services& services, soci::session& sql, long long person_id,
                          const std::string& client_ip, const std::string& user_agent) {
  return create_acting_session(services, sql, person_id, {}, client_ip, user_agent);
}

NewSession create_acting_session(app::Services& services, soci::session& sql, long long person_id,
                                 const ActingFor& acting, const std::string& client_ip, const std::string& user_agent) {
  return create_agent_session(services, sql, person_id, acting, 0, client_ip, user_agent);
}

NewSession create_agent_session(app::Services& services, soci::session& sql, long long person_id,
                                const ActingFor& acting, long long grant_id, const std::string& client_ip,
                                const std::string& user_agent) {
  NewSession out;
  out.token = crypto::random_token(*services.random, 32);
  out.csrf_token = crypto::random_token(*services.random, 24);
  out.expires_in = services.limits.session_idle_seconds;
  const long long now = services.now_seconds();
  const long long absolute = now + services.limits.session_absolute_seconds;
  const std::string hash = crypto::token_hash(out.token);
  // A person's own session stores NULL for both (the columns came later: NULL is "not acting").
  const bool acts = acting.enterprise_id != 0;
  long long enterprise_id = acting.enterprise_id;
  std::string role = acting.role;
  soci::indicator enterprise_set = acts ? soci::i_ok : soci::i_null, role_set = enterprise_set;
  soci::indicator grant_set = grant_id != 0 ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO sessions (token_hash, csrf_token, person_id, created_at, last_seen_at, expires_at, client_ip, "
         "user_agent, enterprise_id, acting_role, grant_id) VALUES (:h, :c, :p, :now, :now2, :abs, :ip, :ua, :e, :r, :g)",
      soci::use(hash), soci::use(out.csrf_token), soci::use(person_id), soci::use(now), soci::use(now),
      soci::use(absolute), soci::use(client_ip), soci::use(user_agent), soci::use(enterprise_id, enterprise_set),
      soci::use(role, role_set), soci::use(grant_id, grant_set);
  sql << "SELECT id FROM sessions WHERE token_hash = :h", soci::use(hash), soci::into(out.id);
  return out;
}

SessionLookup find_session(app::Services& services, const std::string& token, ActiveSession& out) {
  if (token.empty() || token.size() > 128) return SessionLookup::Missing;
  const std::string hash = crypto::token_hash(token);
  const long long now = services.now_seconds();
  return services.db->with_session([&](soci::session& sql) {
    store::Prepared<SelectSession> select(sql);
    select->hash = hash;
    if (!store::run(sql, select->st).got_data) {
      out.acting = {};  // the cached row still holds the previous look-up's: nothing of it goes out
      return SessionLookup::Missing;
    }
    const SelectSession& row = *select;
    out.id = row.id;
    out.person_id = row.person_id;
    out.csrf_token = row.csrf_token;
    out.acting = {row.enterprise_set == soci::i_ok ? row.enterprise_id : 0, row.role_set == soci::i_ok ? row.role : std::string()};
    if (row.revoked == soci::i_ok) return SessionLookup::Missing;
    long long last_seen = row.last_seen;
    const long long expires_at = row.expires_at;
    if (now >= expires_at || now - last_seen >= services.limits.session_idle_seconds) return SessionLookup::Expired;
    if (now - last_seen >= 60) {
      sql << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now), soci::use(out.id);
      last_seen = now;
    }
    out.valid_until = std::min(expires_at, last_seen + services.limits.session_idle_seconds);
    return SessionLookup::Active;
  });
}

void revoke_session(app::Services& services, soci::session& sql, long long session_id) {
  const long long now = services.now_seconds();
  sql << "UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL", soci::use(now),
      soci::use(session_id);
}

long long session_grant_id(soci::session& sql, long long session_id) {
  long long grant_id = 0;
  soci::indicator set = soci::i_null;
  sql << "SELECT grant_id FROM sessions WHERE id = :id", soci::use(session_id), soci::into(grant_id, set);
  return sql.got_data() && set == soci::i_ok ? grant_id : 0;
}

void change_session_identity(soci::session& sql, long long session_id, const ActingFor& acting, long long grant_id) {
  long long enterprise_id = acting.enterprise_id;
  std::string role = acting.role;
  soci::indicator enterprise_set = enterprise_id != 0 ? soci::i_ok : soci::i_null, role_set = enterprise_set;
  soci::indicator grant_set = grant_id != 0 ? soci::i_ok : soci::i_null;
  sql << "UPDATE sessions SET enterprise_id = :e, acting_role = :r, grant_id = :g WHERE id = :id",
      soci::use(enterprise_id, enterprise_set), soci::use(role, role_set), soci::use(grant_id, grant_set),
      soci::use(session_id);
}

void revoke_all_sessions(app::Services& services, soci::session& sql, long long person_id) {
  const long long now = services.now_seconds();
  sql << "UPDATE sessions SET revoked_at = :now WHERE person_id = :p AND revoked_at IS NULL", soci::use(now),
      soci::use(person_id);
}

void revoke_enterprise_sessions(app::Services& services, soci::session& sql, long long enterprise_id) {
  const long long now = services.now_seconds();
  sql << "UPDATE sessions SET revoked_at = :now WHERE enterprise_id = :e AND revoked_at IS NULL", soci::use(now),
      soci::use(enterprise_id);
}

}  // namespace uia::flows
