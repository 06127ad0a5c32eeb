// How a grant is shown to clients (masked personal data; the state as read now).
//   {"grant_id", "enterprise": {"id", "name", "uscc"}, "agent": {"person_id", "name", "id_type",
//    "id_number", "phone"}, "granted_by": {"role", "person_id"}, "parent_grant_id", "level",
//    "admin", "scope": [codes], "valid_from", "valid_to", "state", "in_force", "confirm_by",
//    "created_at", "updated_at"}
#pragma once
#include <string>

#include <nlohmann/json.hpp>
#include <soci/session.h>

#include "app/services.h"
#include "store/agent_grant_repository.h"

namespace uia::flows {

nlohmann::json grant_json(app::Services& services, soci::session& sql, const store::AgentGrant& grant, long long now,
                          const std::string& today);

std::string grant_target(const store::AgentGrant& grant);  // "agent_grant:7"
// Who acts for whom in the audit detail of a grant's change.
std::string grant_parties(const store::AgentGrant& grant);

}  // namespace uia::flows
