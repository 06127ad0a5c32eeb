// Staff sign-in sessions: like persons' sessions (a random 256-bit bearer token stored only as
// its SHA-256; 30 idle minutes, 12 hours in all, from Limits) but in their own table,
// staff_sessions, so a staff token is never found where a person's is looked up and vice
// versa. Bearer only: no cookie, so no CSRF exposure for the back-office API.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "flows/sessions/session_store.h"

namespace uia::flows {

struct NewStaffSession {
  long long id = 0;
  std::string token;  // only ever in the response to the sign-in
  int expires_in = 0;
};

struct ActiveStaffSession {
  long long id = 0;
  long long staff_id = 0;
};

NewStaffSession create_staff_session(app::Services& services, soci::session& sql, long long staff_id,
                                     const std::string& client_ip, const std::string& user_agent);
// Resolves a presented token (same SessionLookup as persons'); touches last_seen_at at most
// once a minute.
SessionLookup find_staff_session(app::Services& services, const std::string& token, ActiveStaffSession& out);
void revoke_staff_session(app::Services& services, soci::session& sql, long long session_id);

}  // namespace uia::flows
