// The enterprise_agent_grants table: which person may act for which enterprise (经办人), from
// which grant it was delegated, for what period and scope. States are stored as written by the
// flows; "expired" is derived at read time (flows/agents/agent_grant_state.h).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

namespace uia::store {

struct AgentGrant {
  long long id = 0;
  long long enterprise_id = 0;
  long long agent_person_id = 0;
  std::optional<long long> parent_grant_id;  // re-delegated from this grant
  int level = 1;                             // 1: granted by the enterprise; at most 3
  std::optional<long long> granted_by_person_id;  // nullopt: the enterprise account itself
  std::string granted_by_role;                    // enterprise, legal_rep, admin, agent
  bool is_admin = false;
  std::vector<std::string> scope;  // service item codes (flows/agents/agent_scope.h)
  std::string valid_from, valid_to;  // YYYY-MM-DD, inclusive
  std::string state;  // awaiting_face | face_failed | pending | active | refused | disabled | revoked
  std::optional<std::string> face_ticket;
  std::optional<long long> confirm_by;  // pending: the agent's 24-hour deadline
  std::optional<long long> request_id;  // made by approving this grant request
  long long created_at = 0;
  long long updated_at = 0;
};

class AgentGrantRepository {
 public:
  std::optional<AgentGrant> find(soci::session& sql, long long id) const;
  std::optional<AgentGrant> find_by_face_ticket(soci::session& sql, const std::string& ticket) const;
  std::vector<AgentGrant> of_enterprise(soci::session& sql, long long enterprise_id) const;  // oldest first
  // Grants offered to the person (from pending on: one waiting for a face check is not offered yet).
  std::vector<AgentGrant> of_agent(soci::session& sql, long long person_id) const;  // newest first
  std::vector<AgentGrant> children(soci::session& sql, long long parent_grant_id) const;
  // Inserts and returns the new id (the caller holds the enterprise's row lock).
  long long insert(soci::session& sql, const AgentGrant& grant) const;
  // Compare-and-set: moves `id` from `from` to `to` only if still in `from`.
  bool change_state(soci::session& sql, long long id, const std::string& from, const std::string& to, long long now,
                    std::optional<long long> confirm_by = std::nullopt) const;
  // Scope, period and admin flag.
  void update_terms(soci::session& sql, const AgentGrant& grant, long long now) const;
};

std::string join_scope(const std::vector<std::string>& scope);  // "a,b,c"
std::vector<std::string> split_scope(const std::string& text);

}  // namespace uia::store
