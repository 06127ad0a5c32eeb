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

// Who a session acts for. A person's own session leaves enterprise_id 0. An enterprise account's
// session has person_id 0 and role "enterprise"; a person acting for an enterprise (an agent, an
// admin agent, the legal representative) keeps their person_id and names the enterprise and role.
struct ActingFor {
  long long enterprise_id = 0;
  std::string role;  // "enterprise", "agent", "admin", "legal_rep"; empty for a person's own session
};

struct ActiveSession {
  long long id = 0;
  long long person_id = 0;
  ActingFor acting;
  std::string csrf_token;
  long long valid_until = 0;  // epoch seconds: the earlier of its idle and absolute expiry
};

enum class SessionLookup { Active, Missing, Expired };

NewSession create_session(app::Services& services, soci::session& sql, long long person_id,
                          const std::string& client_ip, const std::string& user_agent);
// A session that acts for an enterprise (see ActingFor); person_id 0 for the enterprise account itself.
NewSession create_acting_session(app::Services& services, soci::session& sql, long long person_id,
                                 const ActingFor& acting, const std::string& client_ip, const std::string& user_agent);
// Resolves a presented token; touches last_seen_at at most once a minute (keeps /me cheap).
SessionLookup find_session(app::Services& services, const std::string& token, ActiveSession& out);
// An agent's session also names the agent grant it rests on (sessions.grant_id; 0 for none),
// checked on every request (flows/agents/acting_check.h).
NewSession create_agent_session(app::Services& services, soci::session& sql, long long person_id,
                                const ActingFor& acting, long long grant_id, const std::string& client_ip,
                                const std::string& user_agent);
// The grant a session rests on, 0 when none.
long long session_grant_id(soci::session& sql, long long session_id);
// Switches whom a person's session acts for (PUT /api/v1/sessions/current/identity): the person
// themselves ({}, 0), or an enterprise as legal representative or agent (with its grant).
void change_session_identity(soci::session& sql, long long session_id, const ActingFor& acting, long long grant_id);
void revoke_session(app::Services& services, soci::session& sql, long long session_id);
void revoke_all_sessions(app::Services& services, soci::session& sql, long long person_id);
// Every session acting for the enterprise (its own and its agents'): password recovery, a changed
// password or legal representative.
void revoke_enterprise_sessions(app::Services& services, soci::session& sql, long long enterprise_id);

}  // namespace uia::flows
