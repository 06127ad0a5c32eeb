// Where an agent grant stands, read from its stored state and the clock (no background job):
// pending past its 24-hour deadline, or active/disabled past its last valid day, is "expired".
// A grant is in force (an agent may act on it) when it is active, within its period, and so is
// every grant it was delegated from: a parent disabled, revoked or expired stops its children.
#pragma once
#include <string>

#include <soci/session.h>

#include "policy/agent_rules.h"
#include "profile/profile.h"
#include "store/agent_grant_repository.h"

namespace uia::flows {

// How deep grants may go and how long an agent has to accept: the profile's agent_max_levels
// and agent_accept_hours (shared/policy/agent_rules.h has the fixed rules).
inline long long agent_accept_seconds(const Profile& profile) { return profile.agent_accept_hours * 3600LL; }

// "awaiting_face", "face_failed", "pending", "active", "refused", "disabled", "revoked" or "expired".
std::string effective_state(const store::AgentGrant& grant, long long now, const std::string& today);
// Active, today within [valid_from, valid_to]: this grant alone.
bool grant_itself_in_force(const store::AgentGrant& grant, long long now, const std::string& today);
// This grant and every ancestor in force.
bool grant_in_force(soci::session& sql, const store::AgentGrant& grant, long long now, const std::string& today);
// A grant that is over for good (nothing can bring it back): refused, revoked, expired, face_failed.
bool grant_over(const std::string& effective);

}  // namespace uia::flows
