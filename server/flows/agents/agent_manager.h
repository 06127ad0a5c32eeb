// Who may manage an enterprise's agents (seeds 000, 002: legal representative > admin > agent):
// the enterprise account itself and the legal representative manage every grant; an agent
// whose grant carries the admin flag manages the grants delegated below its own (and adds
// agents, never admins); an agent without the flag is refused with 403 AGENT_ADMIN_REQUIRED
// ("不具有管理权限的经办人...看不到我的经办人功能"). The admin flag is read from the grant on
// every request, so taking it away takes effect at once.
#pragma once
#include <optional>
#include <variant>

#include <soci/session.h>

#include "app/services.h"
#include "flows/enterprise/signed_in_enterprise.h"
#include "http/api.h"
#include "store/agent_grant_repository.h"

namespace uia::flows {

struct AgentManager {
  EnterpriseCaller caller;
  std::optional<store::AgentGrant> own_grant;  // an admin agent's grant

  const std::string& role() const { return caller.session.acting.role; }
  // The enterprise account or its legal representative (not an admin agent).
  bool representative() const { return role() == "enterprise" || role() == "legal_rep"; }
  // The person acting (nullopt for the enterprise account itself).
  std::optional<long long> person_id() const {
    return caller.session.person_id != 0 ? std::optional(caller.session.person_id) : std::nullopt;
  }
};

std::variant<AgentManager, http::ApiResponse> agent_manager(app::Services& services, const http::ApiRequest& request);
// May `manager` change or revoke `grant`? (Never a grant of another enterprise.)
bool may_manage(soci::session& sql, const AgentManager& manager, const store::AgentGrant& grant);

}  // namespace uia::flows
