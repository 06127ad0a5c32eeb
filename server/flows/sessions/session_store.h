// Sign-in sessions: a random 256-bit token given to the client once, stored only as its
// SHA-256. A session ends after 30 idle minutes, 12 hours in all, at logout, or when the
// person's password changes, is recovered, or the account is deleted (revoke_all).
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "app/services.h"

namespace uia::flows {

struct NewSession {
  long long id = 0;
  std::string token;  // only ever in the response to the sign-in
  std::string csrf_token;
  int expires_in = 0;
};

struct ActiveSession {
  long long id = 0;
  long long person_id = 0;
  std::string csrf_token;
  long long valid_until = 0;  // epoch seconds: the earlier of its idle and absolute expiry
};

enum class SessionLookup { Active, Missing, Expired };

NewSession create_session(app::Services& services, soci::session& sql, long long person_id,
                          const std::string& client_ip, const std::string& user_agent);
// Resolves a presented token; touches last_seen_at at most once a minute (keeps /me cheap).
SessionLookup find_session(app::Services& services, const std::string& token, ActiveSession& out);
void revoke_session(app::Services& services, soci::session& sql, long long session_id);
void revoke_all_sessions(app::Services& services, soci::session& sql, long long person_id);

}  // namespace uia::flows
