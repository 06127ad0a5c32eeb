// Is a session still allowed to act for the enterprise it names? Asked on every authenticated
// request (flows/sessions/authenticate.cpp), so revoking, disabling or the expiry of a grant
// stops existing sessions at once, not only new sign-ins.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "flows/sessions/session_store.h"

namespace uia::flows {

// Whom a session acts for, with the agent grant it rests on (sessions.grant_id; 0: none).
struct ActingIdentity {
  long long enterprise_id = 0;  // 0: the person themselves
  std::string role;             // legal_rep, admin, agent ("" for the person themselves)
  long long grant_id = 0;
  ActingFor acting_for() const { return {enterprise_id, role}; }
};
ActingIdentity acting_identity_of(soci::session& sql, const ActiveSession& session);

// True for sessions that act for nobody or for an enterprise account itself; for an agent or
// admin, its grant must belong to it and be in force (with every ancestor); for a legal
// representative, the enterprise must still name this person as representative.
bool acting_still_allowed(app::Services& services, const ActiveSession& session);

// For the audit trail: "enterprise:3 role:agent grant:7", "" for a session acting for nobody.
std::string acting_for_text(const ActingIdentity& acting);

}  // namespace uia::flows
