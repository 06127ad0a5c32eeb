#include "flows/agents/my_agent_grants.h"

#include <soci/soci.h>

#include "flows/agents/agent_grant_state.h"
#include "flows/agents/agent_grant_view.h"
#include "flows/agents/agent_notices.h"
#include "flows/agents/agent_scope.h"
#include "flows/agents/delegated_grant.h"
#include "flows/agents/grant_terms.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/path_id.h"
#include "flows/messages/messages.h"
#include "flows/sessions/signed_in_person.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::AgentGrant;
using store::Person;

std::string today_text(const app::Services& services) { return format_date(services.clock->today()); }

void audit(soci::session& sql, long long now, const Person& person, const std::string& action, const AgentGrant& g,
           const std::string& ip, const std::string& result = "ok", const std::string& note = "") {
  record_audit(sql, now, {actor_of(person), action, grant_target(g), ip, result,
                          grant_parties(g) + (note.empty() ? "" : " " + note)},
               "enterprise:" + std::to_string(g.enterprise_id) + " role:agent grant:" + std::to_string(g.id));
}

// My grant {grant_id}: 404 for anyone else's (and for one still waiting for a face check).
std::variant<AgentGrant, ApiResponse> my_grant(soci::session& sql, const Person& person, const http::ApiRequest& request) {
  const auto id = path_id(request, "grant_id");
  const auto g = id ? store::AgentGrantRepository().find(sql, *id) : std::nullopt;
  if (!g || g->agent_person_id != person.id || g->state == "awaiting_face" || g->state == "face_failed")
    return ApiResponse::error(404, ErrorCode::NotFound, "grant_id");
  return *g;
}

ApiResponse answer_offer(app::Services& services, const http::ApiRequest& request, bool accept) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  const std::string action = accept ? "agent_grant.accept" : "agent_grant.refuse";
  const store::AgentGrantRepository grants;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = my_grant(sql, person, request);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    AgentGrant g = std::get<AgentGrant>(found);
    const std::string state = effective_state(g, now, today);
    if (state != "pending") {
      // A late or repeated answer is worth seeing in the trail too.
      audit(sql, now, person, action, g, request.client_ip, "denied", state);
      return ApiResponse::error(409, state == "expired" && g.state == "pending" ? ErrorCode::AgentAcceptExpired
                                                                                : ErrorCode::AgentGrantStateInvalid,
                                "grant_id");
    }
    const std::string to = accept ? "active" : "refused";
    if (!grants.change_state(sql, g.id, "pending", to, now))
      return ApiResponse::error(409, ErrorCode::AgentGrantStateInvalid, "grant_id");
    g.state = to;
    g.updated_at = now;
    audit(sql, now, person, action, g, request.client_ip);
    settle_messages(sql, person.id, grant_target(g), now);
    if (g.granted_by_person_id)
      tell_about_grant(sql, *g.granted_by_person_id, g, accept ? "agent_grant.accepted" : "agent_grant.refused",
                       accept ? "经办人已接受授权" : "经办人拒绝了授权",
                       mask_name(person.name) + (accept ? "已接受" : "拒绝了") + enterprise_name_of(services, sql, g.enterprise_id) +
                           "的经办人授权。",
                       now);
    return ApiResponse::json(200, grant_json(services, sql, g, now, today));
  });
}

}  // namespace

ApiResponse list_my_agent_grants(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  return services.db->with_session([&](soci::session& sql) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& g : store::AgentGrantRepository().of_agent(sql, person.id))
      items.push_back(grant_json(services, sql, g, now, today));
    return ApiResponse::json(200, {{"grants", items}, {"service_items", service_items_json(services.profile())}});
  });
}

ApiResponse accept_agent_grant(app::Services& services, const http::ApiRequest& request) {
  return answer_offer(services, request, true);
}

ApiResponse refuse_agent_grant(app::Services& services, const http::ApiRequest& request) {
  return answer_offer(services, request, false);
}

ApiResponse redelegate_agent_grant(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body || !body->is_object()) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  auto found_agent = find_agent_person(services, *body);
  if (auto* refusal = std::get_if<ApiResponse>(&found_agent)) return *refusal;
  const Person agent = std::get<Person>(found_agent);
  GrantTerms terms;
  if (auto refusal = read_grant_terms(services.profile(), *body, services.clock->today(), terms)) return *refusal;
  if (body->contains("admin") && (*body)["admin"] == true)
    return ApiResponse::error(403, ErrorCode::AgentAdminFlagForbidden, "admin");
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = my_grant(sql, person, request);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    const AgentGrant parent = std::get<AgentGrant>(found);
    auto made = delegate_grant(services, sql, {parent, agent.id, terms, "agent", false, std::nullopt}, now, today);
    if (auto* refusal = std::get_if<ApiResponse>(&made)) {
      audit(sql, now, person, "agent_grant.delegate", parent, request.client_ip, "denied",
            std::string(refusal->body["error"].value("code", "")));
      return *refusal;
    }
    const AgentGrant& g = std::get<AgentGrant>(made);
    audit(sql, now, person, "agent_grant.delegate", g, request.client_ip);
    return ApiResponse::json(201, grant_json(services, sql, g, now, today));
  });
}

ApiResponse list_my_enterprises(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  const store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  return services.db->with_session([&](soci::session& sql) {
    nlohmann::json items = nlohmann::json::array();
    // Enterprises I represent (seed 002: the legal representative has the highest rights).
    // A person represents a handful of enterprises at most: one batch of 64 is plenty.
    std::vector<long long> represented(64);
    soci::statement st = (sql.prepare << "SELECT id FROM enterprises WHERE rep_person_id = :p AND status = 'active' "
                                         "ORDER BY id",
                          soci::use(person.id), soci::into(represented));
    st.execute(true);
    for (long long id : represented) {
      const auto e = enterprises.find_by_id(sql, id);
      if (!e) continue;
      items.push_back({{"enterprise", {{"id", e->id}, {"name", e->name}, {"uscc", e->uscc}}},
                       {"role", "legal_rep"},
                       {"grant_id", nullptr},
                       {"state", "active"},
                       {"in_force", true}});
    }
    for (const auto& g : store::AgentGrantRepository().of_agent(sql, person.id)) {
      nlohmann::json grant = grant_json(services, sql, g, now, today);
      items.push_back({{"enterprise", grant["enterprise"]},
                       {"role", g.is_admin ? "admin" : "agent"},
                       {"grant_id", g.id},
                       {"state", grant["state"]},
                       {"in_force", grant["in_force"]},
                       {"scope", g.scope},
                       {"valid_from", g.valid_from},
                       {"valid_to", g.valid_to}});
    }
    return ApiResponse::json(200, {{"enterprises", items}});
  });
}

}  // namespace uia::flows
