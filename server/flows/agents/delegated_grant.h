// Making a grant below another one (re-delegation, seed 001 "被授权人可进行再次授权，授权层级最多
// 三层"): used when an agent re-delegates its own grant, when an admin agent adds an agent, and
// when an admin approves a grant request. The parent must be in force; the new grant is one
// level deeper (at most 3) and stays inside the parent's scope and period.
#pragma once
#include <optional>
#include <string>
#include <variant>

#include <soci/session.h>

#include "app/services.h"
#include "flows/agents/grant_terms.h"
#include "http/api.h"
#include "store/agent_grant_repository.h"

namespace uia::flows {

struct DelegatedGrant {
  const store::AgentGrant& parent;
  long long agent_person_id = 0;
  GrantTerms terms;
  std::string granted_by_role;              // "agent" (re-delegation) or "admin"
  bool accepted = false;                    // approving the agent's own request: active at once
  std::optional<long long> request_id;
};

// In the caller's transaction: checks, stores and announces (pending: message + SMS) the grant.
std::variant<store::AgentGrant, http::ApiResponse> delegate_grant(app::Services& services, soci::session& sql,
                                                                  const DelegatedGrant& wanted, long long now,
                                                                  const std::string& today);

// Locks the enterprise's row for the rest of the transaction: grants and requests of one
// enterprise are made one at a time (the duplicate rule, the portable last-insert id).
void lock_enterprise(soci::session& sql, long long enterprise_id);
// Does the person hold a grant of the enterprise that is not over (awaiting face, pending, active, disabled)?
bool holds_open_grant(soci::session& sql, long long enterprise_id, long long person_id, long long now,
                      const std::string& today);

}  // namespace uia::flows
