#include "flows/back_office/staff_sessions.h"

#include <soci/soci.h>

#include "crypto/tokens.h"

namespace uia::flows {

NewStaffSession create_staff_session(app::Services& services, soci::session& sql, long long staff_id,
                                     const std::string& client_ip, const std::string& user_agent) {
  NewStaffSession out;
  out.token = crypto::random_token(*services.random, 32);
  out.expires_in = services.limits.session_idle_seconds;
  const long long now = services.now_seconds();
  const long long absolute = now + services.limits.session_absolute_seconds;
  const std::string hash = crypto::token_hash(out.token);
  sql << "INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, client_ip, user_agent) "
         "VALUES (:h, :s, :now, :now2, :abs, :ip, :ua)",
      soci::use(hash), soci::use(staff_id), soci::use(now), soci::use(now), soci::use(absolute), soci::use(client_ip),
      soci::use(user_agent);
  sql << "SELECT id FROM staff_sessions WHERE token_hash = :h", soci::use(hash), soci::into(out.id);
  return out;
}

SessionLookup find_staff_session(app::Services& services, const std::string& token, ActiveStaffSession& out) {
  if (token.empty() || token.size() > 128) return SessionLookup::Missing;
  const std::string hash = crypto::token_hash(token);
  const long long now = services.now_seconds();
  return services.db->with_session([&](soci::session& sql) {
    long long last_seen = 0, expires_at = 0, revoked_at = 0;
    soci::indicator revoked = soci::i_null;
    sql << "SELECT id, staff_id, last_seen_at, expires_at, revoked_at FROM staff_sessions WHERE token_hash = :h",
        soci::use(hash), soci::into(out.id), soci::into(out.staff_id), soci::into(last_seen), soci::into(expires_at),
        soci::into(revoked_at, revoked);
    if (!sql.got_data() || revoked == soci::i_ok) return SessionLookup::Missing;
    if (now >= expires_at || now - last_seen >= services.limits.session_idle_seconds) return SessionLookup::Expired;
    if (now - last_seen >= 60) {
      sql << "UPDATE staff_sessions SET last_seen_at = :now WHERE id = :id", soci::use(now), soci::use(out.id);
    }
    return SessionLookup::Active;
  });
}

void revoke_staff_session(app::Services& services, soci::session& sql, long long session_id) {
  const long long now = services.now_seconds();
  sql << "UPDATE staff_sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL", soci::use(now),
      soci::use(session_id);
}

}  // namespace uia::flows
