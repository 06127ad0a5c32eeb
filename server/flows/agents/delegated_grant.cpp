#include "flows/agents/delegated_grant.h"

#include <soci/soci.h>

#include "flows/agents/agent_grant_state.h"
#include "flows/agents/agent_notices.h"
#include "policy/agent_rules.h"

namespace uia::flows {

void lock_enterprise(soci::session& sql, long long enterprise_id) {
  sql << "UPDATE enterprises SET updated_at = updated_at WHERE id = :e", soci::use(enterprise_id);
}

bool holds_open_grant(soci::session& sql, long long enterprise_id, long long person_id, long long now,
                      const std::string& today) {
  for (const auto& g : store::AgentGrantRepository().of_agent(sql, person_id))
    if (g.enterprise_id == enterprise_id && !grant_over(effective_state(g, now, today))) return true;
  // of_agent leaves out grants still waiting for the representative's face check.
  long long waiting = 0;
  sql << "SELECT COUNT(*) FROM enterprise_agent_grants WHERE enterprise_id = :e AND agent_person_id = :p AND "
         "state = 'awaiting_face'",
      soci::use(enterprise_id), soci::use(person_id), soci::into(waiting);
  return waiting > 0;
}

std::variant<store::AgentGrant, http::ApiResponse> delegate_grant(app::Services& services, soci::session& sql,
                                                                  const DelegatedGrant& wanted, long long now,
                                                                  const std::string& today) {
  using http::ApiResponse;
  const store::AgentGrant& parent = wanted.parent;
  if (!grant_in_force(sql, parent, now, today)) return ApiResponse::error(403, ErrorCode::AgentGrantInactive);
  if (const int max_levels = services.profile().agent_max_levels; parent.level >= max_levels) {
    ApiResponse refused = ApiResponse::error(409, ErrorCode::AgentLevelExceeded);
    refused.body["error"]["message"] = agent_levels_exceeded_text(max_levels);
    return refused;
  }
  if (auto refusal = check_within(wanted.terms, parent)) return *refusal;
  if (wanted.agent_person_id == parent.agent_person_id) return ApiResponse::error(400, ErrorCode::AgentSelf, "id_number");
  lock_enterprise(sql, parent.enterprise_id);
  if (holds_open_grant(sql, parent.enterprise_id, wanted.agent_person_id, now, today))
    return ApiResponse::error(409, ErrorCode::AgentGrantDuplicate, "id_number");
  store::AgentGrant g;
  g.enterprise_id = parent.enterprise_id;
  g.agent_person_id = wanted.agent_person_id;
  g.parent_grant_id = parent.id;
  g.level = parent.level + 1;
  g.granted_by_person_id = parent.agent_person_id;
  g.granted_by_role = wanted.granted_by_role;
  g.is_admin = false;  // seed 002: only the legal representative makes admins
  g.scope = wanted.terms.scope;
  g.valid_from = wanted.terms.valid_from;
  g.valid_to = wanted.terms.valid_to;
  g.state = wanted.accepted ? "active" : "pending";
  if (!wanted.accepted) g.confirm_by = now + agent_accept_seconds(services.profile());
  g.request_id = wanted.request_id;
  g.created_at = g.updated_at = now;
  const store::AgentGrantRepository grants;
  g.id = grants.insert(sql, g);
  if (!wanted.accepted) announce_offer(services, sql, g, now);
  return g;
}

}  // namespace uia::flows
