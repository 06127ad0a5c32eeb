#include "flows/agents/agent_centre.h"

#include "flows/agents/agent_grant_view.h"
#include "flows/agents/agent_scope.h"
#include "flows/enterprise/signed_in_enterprise.h"
#include "privacy/mask.h"
#include "store/person_repository.h"

namespace uia::flows {

http::ApiResponse get_agent_centre(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_enterprise(services, request, {"legal_rep", "admin", "agent"});
  if (auto* refusal = std::get_if<http::ApiResponse>(&who)) return *refusal;
  const EnterpriseCaller& caller = std::get<EnterpriseCaller>(who);
  const long long now = services.now_seconds();
  const std::string today = format_date(services.clock->today());
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->with_session([&](soci::session& sql) {
    const auto person = persons.find_by_id(sql, caller.session.person_id);
    if (!person) return http::ApiResponse::error(401, ErrorCode::Unauthenticated);
    const auto grant = caller.grant_id != 0 ? store::AgentGrantRepository().find(sql, caller.grant_id) : std::nullopt;
    const bool manages = caller.session.acting.role == "legal_rep" || (grant && grant->is_admin);
    const store::Enterprise& e = caller.enterprise;
    return http::ApiResponse::json(
        200, {{"agent", {{"person_id", person->id},
                         {"name", mask_name(person->name)},
                         {"id_type", person->id_type},
                         {"id_number", mask_id_number(person->id_number)},
                         {"phone", person->phone ? mask_phone(*person->phone) : ""},
                         {"level", person->level},
                         {"role", caller.session.acting.role}}},
              {"grant", grant ? grant_json(services, sql, *grant, now, today) : nlohmann::json(nullptr)},
              {"enterprise", {{"id", e.id},
                              {"name", e.name},
                              {"uscc", e.uscc},
                              {"org_type", e.org_type},
                              {"status", std::string(store::enterprise_status_name(e.status))},
                              {"legal_rep_name", mask_name(e.rep_name)}}},
              {"can_manage_agents", manages},
              // The catalogue with zh-CN labels: the page names the grant's items without a copy of its own.
              {"service_items", service_items_json(services.profile())}});
  });
}

}  // namespace uia::flows
