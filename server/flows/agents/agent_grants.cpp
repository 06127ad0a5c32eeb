#include "flows/agents/agent_grants.h"

#include <soci/soci.h>

#include "flows/agents/agent_grant_state.h"
#include "flows/agents/agent_grant_view.h"
#include "flows/agents/agent_manager.h"
#include "flows/agents/agent_notices.h"
#include "flows/agents/agent_scope.h"
#include "flows/agents/delegated_grant.h"
#include "flows/agents/grant_terms.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/path_id.h"
#include "flows/face/face_check_record.h"
#include "flows/messages/messages.h"
#include "flows/oidc/enterprise_claims.h"
#include "store/grant_request_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::AgentGrant;

std::string today_text(const app::Services& services) { return format_date(services.clock->today()); }

void audit(soci::session& sql, long long now, const AgentManager& m, const std::string& action, const AgentGrant& g,
           const std::string& ip, const std::string& result = "ok", const std::string& note = "") {
  record_audit(sql, now, {m.caller.actor(), action, grant_target(g), ip, result,
                          grant_parties(g) + (note.empty() ? "" : " " + note)},
               m.caller.acting_for());
}

// An optional boolean of the body: nullopt when absent, the 400 answer in `error` when mistyped.
std::optional<bool> optional_flag(const nlohmann::json& body, const char* name, std::optional<ApiResponse>& error) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_boolean()) {
    error = ApiResponse::error(400, ErrorCode::FieldType, name);
    return std::nullopt;
  }
  return body[name].get<bool>();
}

// The grant {grant_id} of the path, as the manager may touch it: 404 when it is not this
// enterprise's, 403 when the manager may not manage it.
std::variant<AgentGrant, ApiResponse> managed_grant(soci::session& sql, const AgentManager& m,
                                                    const http::ApiRequest& request) {
  const auto id = path_id(request, "grant_id");
  const auto g = id ? store::AgentGrantRepository().find(sql, *id) : std::nullopt;
  if (!g || g->enterprise_id != m.caller.enterprise.id) return ApiResponse::error(404, ErrorCode::NotFound, "grant_id");
  if (!may_manage(sql, m, *g)) return ApiResponse::error(403, ErrorCode::EnterpriseForbidden, "grant_id");
  return *g;
}

// Revokes `root` and every grant delegated from it that is not over yet; their agents are told.
std::vector<long long> revoke_tree(soci::session& sql, const AgentManager& m, const AgentGrant& root,
                                   const std::string& ip, long long now) {
  const store::AgentGrantRepository grants;
  std::vector<long long> revoked;
  std::vector<AgentGrant> todo{root};
  while (!todo.empty()) {
    const AgentGrant g = todo.back();
    todo.pop_back();
    for (const auto& child : grants.children(sql, g.id)) todo.push_back(child);
    const std::string from = g.state;
    if (from != "awaiting_face" && from != "pending" && from != "active" && from != "disabled") continue;
    if (!grants.change_state(sql, g.id, from, "revoked", now)) continue;
    revoked.push_back(g.id);
    // The business systems' tokens resting on the grant end with it (flows/oidc/enterprise_claims.h).
    const int families = oidc::revoke_families_of_agent_grant(sql, g.id, now, "agent_grant_revoked");
    audit(sql, now, m, "agent_grant.revoke", g, ip, "ok",
          (g.id == root.id ? std::string() : "cascade from agent_grant:" + std::to_string(root.id) + " ") +
              "oidc_families=" + std::to_string(families));
    settle_messages(sql, g.agent_person_id, grant_target(g), now);
    if (from != "awaiting_face")
      tell_about_grant(sql, g.agent_person_id, g, "agent_grant.revoked", "企业经办人授权已撤销",
                       "您在该企业的经办人授权已被撤销。", now);
  }
  return revoked;
}

}  // namespace

ApiResponse list_agents(app::Services& services, const http::ApiRequest& request) {
  auto who = agent_manager(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const AgentManager& m = std::get<AgentManager>(who);
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  return services.db->with_session([&](soci::session& sql) {
    nlohmann::json agents = nlohmann::json::array();
    for (const auto& g : store::AgentGrantRepository().of_enterprise(sql, m.caller.enterprise.id)) {
      nlohmann::json item = grant_json(services, sql, g, now, today);
      item["manageable"] = may_manage(sql, m, g);
      agents.push_back(item);
    }
    nlohmann::json viewer = {{"role", m.role()}};
    if (m.own_grant) viewer["grant_id"] = m.own_grant->id;
    return ApiResponse::json(
        200, {{"agents", agents}, {"service_items", service_items_json(services.profile())}, {"viewer", viewer}});
  });
}

ApiResponse add_agent(app::Services& services, const http::ApiRequest& request) {
  auto who = agent_manager(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const AgentManager& m = std::get<AgentManager>(who);
  const auto body = request.json();
  if (!body || !body->is_object()) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  auto found = find_agent_person(services, *body);
  if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
  const store::Person agent = std::get<store::Person>(found);
  GrantTerms terms;
  if (auto refusal = read_grant_terms(services.profile(), *body, services.clock->today(), terms)) return *refusal;
  std::optional<ApiResponse> flag_error;
  const bool admin = optional_flag(*body, "admin", flag_error).value_or(false);
  if (flag_error) return *flag_error;
  if (m.person_id() && *m.person_id() == agent.id) return ApiResponse::error(400, ErrorCode::AgentSelf, "id_number");
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  const long long enterprise_id = m.caller.enterprise.id;

  if (!m.representative()) {
    // An admin agent adds agents below its own grant, never admins.
    if (admin) return ApiResponse::error(403, ErrorCode::AgentAdminFlagForbidden, "admin");
    return services.db->transact([&](soci::session& sql) -> ApiResponse {
      auto made = delegate_grant(services, sql, {*m.own_grant, agent.id, terms, "admin", false, std::nullopt}, now, today);
      if (auto* refusal = std::get_if<ApiResponse>(&made)) return *refusal;
      const AgentGrant& g = std::get<AgentGrant>(made);
      audit(sql, now, m, "agent_grant.create", g, request.client_ip);
      return ApiResponse::json(201, grant_json(services, sql, g, now, today));
    });
  }

  // The representative confirms with a face check (a real-name person whose level came from
  // one), whoever signed in for the enterprise.
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto rep_id = m.caller.enterprise.rep_person_id;
  const auto rep = rep_id ? services.db->with_session([&](soci::session& sql) { return persons.find_by_id(sql, *rep_id); })
                          : std::nullopt;
  if (!rep || rep->status != store::PersonStatus::Active || rep->level < kAddAgentsMinLevel)
    return ApiResponse::error(403, ErrorCode::LegalRepNotRealName);
  if (rep->id == agent.id) return ApiResponse::error(400, ErrorCode::AgentSelf, "id_number");
  const ports::FaceTicket face = services.ports.face->start({rep->name, rep->id_number, "agent_grant"});
  if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_enterprise(sql, enterprise_id);
    if (holds_open_grant(sql, enterprise_id, agent.id, now, today))
      return ApiResponse::error(409, ErrorCode::AgentGrantDuplicate, "id_number");
    AgentGrant g;
    g.enterprise_id = enterprise_id;
    g.agent_person_id = agent.id;
    g.level = 1;
    g.granted_by_person_id = m.person_id();
    g.granted_by_role = m.role();
    g.is_admin = admin;
    g.scope = terms.scope;
    g.valid_from = terms.valid_from;
    g.valid_to = terms.valid_to;
    g.state = "awaiting_face";
    g.face_ticket = face.ticket;
    g.created_at = g.updated_at = now;
    g.id = store::AgentGrantRepository().insert(sql, g);
    record_face_check(services, sql, face.ticket, rep->id, "agent_grant", now);
    audit(sql, now, m, "agent_grant.create", g, request.client_ip);
    nlohmann::json out = grant_json(services, sql, g, now, today);
    out["face_ticket"] = face.ticket;
    out["face_url"] = face.start_url;
    return ApiResponse::json(201, out);
  });
}

ApiResponse edit_agent(app::Services& services, const http::ApiRequest& request) {
  auto who = agent_manager(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const AgentManager& m = std::get<AgentManager>(who);
  const auto body = request.json();
  if (!body || !body->is_object()) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  std::optional<ApiResponse> flag_error;
  const auto admin = optional_flag(*body, "admin", flag_error);
  if (flag_error) return *flag_error;
  const auto enabled = optional_flag(*body, "enabled", flag_error);
  if (flag_error) return *flag_error;
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  const store::AgentGrantRepository grants;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_enterprise(sql, m.caller.enterprise.id);
    auto found = managed_grant(sql, m, request);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    AgentGrant g = std::get<AgentGrant>(found);
    const std::string state = effective_state(g, now, today);
    if (grant_over(state) || state == "awaiting_face") {
      audit(sql, now, m, "agent_grant.update", g, request.client_ip, "denied", state);
      return ApiResponse::error(409, ErrorCode::AgentGrantStateInvalid, "grant_id");
    }
    GrantTerms terms{g.scope, g.valid_from, g.valid_to};
    if (auto refusal = read_changed_terms(services.profile(), *body, services.clock->today(), terms)) return *refusal;
    if (admin && *admin != g.is_admin && (!m.representative() || g.level != 1))
      return ApiResponse::error(403, ErrorCode::AgentAdminFlagForbidden, "admin");
    if (enabled && state != "active" && state != "disabled")
      return ApiResponse::error(409, ErrorCode::AgentGrantStateInvalid, "enabled");
    if (g.parent_grant_id) {
      const auto parent = grants.find(sql, *g.parent_grant_id);
      if (parent)
        if (auto refusal = check_within(terms, *parent)) return *refusal;
    }
    AgentGrant bounds;  // the new terms, as the grant the children must fit in
    bounds.scope = terms.scope;
    bounds.valid_from = terms.valid_from;
    bounds.valid_to = terms.valid_to;
    for (const auto& child : grants.children(sql, g.id)) {
      if (grant_over(effective_state(child, now, today))) continue;
      if (check_within({child.scope, child.valid_from, child.valid_to}, bounds))
        return ApiResponse::error(409, ErrorCode::AgentGrantBelowChildren, "scope");
    }
    const bool terms_changed = terms.scope != g.scope || terms.valid_from != g.valid_from ||
                               terms.valid_to != g.valid_to || (admin && *admin != g.is_admin);
    if (terms_changed) {
      g.scope = terms.scope;
      g.valid_from = terms.valid_from;
      g.valid_to = terms.valid_to;
      if (admin) g.is_admin = *admin;
      grants.update_terms(sql, g, now);
      audit(sql, now, m, "agent_grant.update", g, request.client_ip, "ok",
            "scope=" + store::join_scope(g.scope) + " period=" + g.valid_from + ".." + g.valid_to +
                " admin=" + (g.is_admin ? "1" : "0"));
      if (state != "pending")
        tell_about_grant(sql, g.agent_person_id, g, "agent_grant.changed", "企业经办人授权已变更",
                         "您在该企业的经办人授权范围或有效期已变更（有效期" + g.valid_from + "至" + g.valid_to + "）。", now);
    }
    if (enabled && (*enabled ? state == "disabled" : state == "active")) {
      const std::string to = *enabled ? "active" : "disabled";
      grants.change_state(sql, g.id, g.state, to, now);
      g.state = to;
      // Disabling ends the business systems' tokens on the grant; enabling again needs a new sign-in.
      const int families = *enabled ? 0 : oidc::revoke_families_of_agent_grant(sql, g.id, now, "agent_grant_disabled");
      audit(sql, now, m, *enabled ? "agent_grant.enable" : "agent_grant.disable", g, request.client_ip, "ok",
            *enabled ? "" : "oidc_families=" + std::to_string(families));
      tell_about_grant(sql, g.agent_person_id, g, *enabled ? "agent_grant.enabled" : "agent_grant.disabled",
                       *enabled ? "企业经办人授权已启用" : "企业经办人授权已停用",
                       *enabled ? "您在该企业的经办人授权已重新启用。" : "您在该企业的经办人授权已被停用。", now);
    }
    g.updated_at = now;
    return ApiResponse::json(200, grant_json(services, sql, g, now, today));
  });
}

ApiResponse revoke_agent(app::Services& services, const http::ApiRequest& request) {
  auto who = agent_manager(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const AgentManager& m = std::get<AgentManager>(who);
  const long long now = services.now_seconds();
  const std::string today = today_text(services);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_enterprise(sql, m.caller.enterprise.id);
    auto found = managed_grant(sql, m, request);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    const AgentGrant g = std::get<AgentGrant>(found);
    if (grant_over(effective_state(g, now, today)) && g.state != "active" && g.state != "disabled") {
      audit(sql, now, m, "agent_grant.revoke", g, request.client_ip, "denied", g.state);
      return ApiResponse::error(409, ErrorCode::AgentGrantStateInvalid, "grant_id");
    }
    // An expired grant is revoked too (it may still have children that lasted as long).
    const std::vector<long long> revoked = revoke_tree(sql, m, g, request.client_ip, now);
    const auto after = store::AgentGrantRepository().find(sql, g.id);
    nlohmann::json out = grant_json(services, sql, after.value_or(g), now, today);
    out["revoked_grant_ids"] = revoked;
    return ApiResponse::json(200, out);
  });
}

void agent_grant_face_result(app::Services& services, soci::session& sql, const std::string& ticket, bool passed,
                             long long now) {
  const store::AgentGrantRepository grants;
  auto g = grants.find_by_face_ticket(sql, ticket);
  if (!g || g->state != "awaiting_face") return;
  const std::string actor = g->granted_by_person_id ? "person:" + std::to_string(*g->granted_by_person_id)
                                                    : "enterprise:" + std::to_string(g->enterprise_id);
  const std::string acting = "enterprise:" + std::to_string(g->enterprise_id) + " role:" + g->granted_by_role;
  if (!passed) {
    if (grants.change_state(sql, g->id, "awaiting_face", "face_failed", now))
      record_audit(sql, now, {actor, "agent_grant.face_fail", grant_target(*g), "", "failed", grant_parties(*g)}, acting);
    return;
  }
  if (g->request_id) {
    // Approving a person's own request: nothing left to accept.
    if (!grants.change_state(sql, g->id, "awaiting_face", "active", now)) return;
    store::GrantRequestRepository().decide(sql, *g->request_id, "approved", g->granted_by_person_id, g->id, now);
    record_audit(sql, now, {actor, "agent_grant.activate", grant_target(*g), "", "ok", grant_parties(*g)}, acting);
    tell_about_grant(sql, g->agent_person_id, *g, "grant_request.approved", "企业授权申请已通过",
                     enterprise_name_of(services, sql, g->enterprise_id) + "已通过您的授权申请，您已成为该企业的经办人。", now);
    return;
  }
  const long long confirm_by = now + agent_accept_seconds(services.profile());
  if (!grants.change_state(sql, g->id, "awaiting_face", "pending", now, confirm_by)) return;
  g->state = "pending";
  g->confirm_by = confirm_by;
  record_audit(sql, now, {actor, "agent_grant.offer", grant_target(*g), "", "ok", grant_parties(*g)}, acting);
  announce_offer(services, sql, *g, now);
}

}  // namespace uia::flows
