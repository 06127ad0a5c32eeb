#include "flows/agents/agent_grant_view.h"

#include "flows/agents/agent_grant_state.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {

nlohmann::json grant_json(app::Services& services, soci::session& sql, const store::AgentGrant& g, long long now,
                          const std::string& today) {
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const auto agent = persons.find_by_id(sql, g.agent_person_id);
  const auto enterprise = enterprises.find_by_id(sql, g.enterprise_id);
  const auto optional_id = [](const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"grant_id", g.id},
          {"enterprise",
           {{"id", g.enterprise_id}, {"name", enterprise ? enterprise->name : ""}, {"uscc", enterprise ? enterprise->uscc : ""}}},
          {"agent",
           {{"person_id", g.agent_person_id},
            {"name", agent ? mask_name(agent->name) : ""},
            {"id_type", agent ? agent->id_type : ""},
            {"id_number", agent ? mask_id_number(agent->id_number) : ""},
            {"phone", agent && agent->phone ? mask_phone(*agent->phone) : ""}}},
          {"granted_by", {{"role", g.granted_by_role}, {"person_id", optional_id(g.granted_by_person_id)}}},
          {"parent_grant_id", optional_id(g.parent_grant_id)},
          {"level", g.level},
          {"admin", g.is_admin},
          {"scope", g.scope},
          {"valid_from", g.valid_from},
          {"valid_to", g.valid_to},
          {"state", effective_state(g, now, today)},
          {"in_force", grant_in_force(sql, g, now, today)},
          {"confirm_by", g.confirm_by ? nlohmann::json(http::format_rfc3339(*g.confirm_by)) : nlohmann::json(nullptr)},
          {"created_at", http::format_rfc3339(g.created_at)},
          {"updated_at", http::format_rfc3339(g.updated_at)}};
}

std::string grant_target(const store::AgentGrant& g) { return "agent_grant:" + std::to_string(g.id); }

std::string grant_parties(const store::AgentGrant& g) {
  std::string out = "enterprise:" + std::to_string(g.enterprise_id) + " agent=person:" + std::to_string(g.agent_person_id) +
                    " level:" + std::to_string(g.level);
  if (g.parent_grant_id) out += " parent=agent_grant:" + std::to_string(*g.parent_grant_id);
  return out;
}

}  // namespace uia::flows
