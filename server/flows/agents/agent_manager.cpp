#include "flows/agents/agent_manager.h"

#include "flows/agents/agent_grant_state.h"

namespace uia::flows {

std::variant<AgentManager, http::ApiResponse> agent_manager(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_enterprise(services, request, {"enterprise", "legal_rep", "admin", "agent"});
  if (auto* refusal = std::get_if<http::ApiResponse>(&who)) return *refusal;
  AgentManager manager{std::get<EnterpriseCaller>(who), std::nullopt};
  if (manager.representative()) return manager;
  // authenticate() already checked that the grant is in force.
  const long long grant_id = manager.caller.grant_id;
  manager.own_grant =
      services.db->with_session([&](soci::session& sql) { return store::AgentGrantRepository().find(sql, grant_id); });
  if (!manager.own_grant || !manager.own_grant->is_admin)
    return http::ApiResponse::error(403, ErrorCode::AgentAdminRequired);
  return manager;
}

bool may_manage(soci::session& sql, const AgentManager& manager, const store::AgentGrant& grant) {
  if (grant.enterprise_id != manager.caller.enterprise.id) return false;
  if (manager.representative()) return true;
  const store::AgentGrantRepository grants;
  std::optional<long long> parent = grant.parent_grant_id;
  for (int depth = 0; parent && depth < kAgentChainCeiling; ++depth) {
    if (*parent == manager.own_grant->id) return true;
    const auto up = grants.find(sql, *parent);
    parent = up ? up->parent_grant_id : std::nullopt;
  }
  return false;
}

}  // namespace uia::flows
