#include "flows/agents/agent_grant_state.h"

namespace uia::flows {

std::string effective_state(const store::AgentGrant& g, long long now, const std::string& today) {
  if (g.state == "pending" && g.confirm_by && now > *g.confirm_by) return "expired";
  if ((g.state == "active" || g.state == "disabled") && g.valid_to < today) return "expired";
  return g.state;
}

bool grant_itself_in_force(const store::AgentGrant& g, long long now, const std::string& today) {
  return effective_state(g, now, today) == "active" && g.valid_from <= today;
}

bool grant_in_force(soci::session& sql, const store::AgentGrant& grant, long long now, const std::string& today) {
  const store::AgentGrantRepository grants;
  std::optional<store::AgentGrant> current = grant;
  // The chain is at most kAgentChainCeiling long; the bound also guards against a cycle.
  for (int depth = 0; current && depth <= kAgentChainCeiling; ++depth) {
    if (!grant_itself_in_force(*current, now, today)) return false;
    if (!current->parent_grant_id) return true;
    current = grants.find(sql, *current->parent_grant_id);
  }
  return false;
}

bool grant_over(const std::string& effective) {
  return effective == "refused" || effective == "revoked" || effective == "expired" || effective == "face_failed";
}

}  // namespace uia::flows
