#include "flows/agents/grant_requests.h"

#include <algorithm>

#include <soci/soci.h>

#include "flows/agents/agent_grant_state.h"
#include "flows/agents/agent_grant_view.h"
#include "flows/agents/agent_manager.h"
#include "flows/agents/agent_notices.h"
#include "flows/agents/delegated_grant.h"
#include "flows/agents/grant_terms.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/path_id.h"
#include "flows/face/face_check_record.h"
#include "flows/messages/messages.h"
#include "flows/sessions/signed_in_person.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"
#include "store/grant_request_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::GrantRequest;

std::string target_of(const GrantRequest& r) { return "grant_request:" + std::to_string(r.id); }

nlohmann::json request_json(app::Services& services, soci::session& sql, const GrantRequest& r) {
  const auto person = store::PersonRepository(*services.cipher, *services.blind_index).find_by_id(sql, r.person_id);
  const auto optional_id = [](const std::optional<long long>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"request_id", r.id},
          {"enterprise_id", r.enterprise_id},
          {"person", {{"person_id", r.person_id},
                      {"name", person ? mask_name(person->name) : ""},
                      {"id_number", person ? mask_id_number(person->id_number) : ""},
                      {"phone", person && person->phone ? mask_phone(*person->phone) : ""}}},
          {"scope", r.scope},
          {"valid_from", r.valid_from},
          {"valid_to", r.valid_to},
          {"note", r.note},
          {"state", r.state},
          {"grant_id", optional_id(r.grant_id)},
          {"created_at", http::format_rfc3339(r.created_at)},
          {"decided_at", r.decided_at ? nlohmann::json(http::format_rfc3339(*r.decided_at)) : nlohmann::json(nullptr)}};
}

// The request {request_id} of this enterprise, still pending (404 / 409 otherwise).
std::variant<GrantRequest, ApiResponse> pending_request(soci::session& sql, const AgentManager& m,
                                                        const http::ApiRequest& request) {
  const auto id = path_id(request, "request_id");
  const auto r = id ? store::GrantRequestRepository().find(sql, *id) : std::nullopt;
  if (!r || r->enterprise_id != m.caller.enterprise.id) return ApiResponse::error(404, ErrorCode::NotFound, "request_id");
  if (r->state != "pending") return ApiResponse::error(409, ErrorCode::GrantRequestStateInvalid, "request_id");
  return *r;
}

void audit(soci::session& sql, long long now, const AgentManager& m, const std::string& action, const GrantRequest& r,
           const std::string& ip, const std::string& result = "ok") {
  record_audit(sql, now, {m.caller.actor(), action, target_of(r), ip, result,
                          "enterprise:" + std::to_string(r.enterprise_id) + " person:" + std::to_string(r.person_id)},
               m.caller.acting_for());
}

}  // namespace

ApiResponse create_grant_request(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::Person& person = std::get<store::Person>(who);
  const auto body = request.json();
  if (!body || !body->is_object()) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  GrantTerms terms;
  if (auto refusal = read_grant_terms(services.profile(), *body, services.clock->today(), terms)) return *refusal;
  std::string note;
  if (body->contains("note")) {
    if (!(*body)["note"].is_string()) return ApiResponse::error(400, ErrorCode::FieldType, "note");
    note = (*body)["note"].get<std::string>();
    if (note.size() > 200) return ApiResponse::error(400, ErrorCode::FieldTooLong, "note");
  }
  // The enterprise by id or by USCC (a person asking knows the code, not our id).
  const std::string& key = request.params.at("id");
  const store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const long long now = services.now_seconds();
  const std::string today = format_date(services.clock->today());
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto id = path_id(request, "id");
    auto e = id ? enterprises.find_by_id(sql, *id) : std::nullopt;
    if (!e && key.size() == 18) e = enterprises.find_by_uscc(sql, key);
    if (!e || e->status != store::EnterpriseStatus::Active)
      return ApiResponse::error(404, ErrorCode::EnterpriseNotFound, "id");
    if (e->rep_person_id && *e->rep_person_id == person.id) return ApiResponse::error(400, ErrorCode::AgentSelf);
    lock_enterprise(sql, e->id);
    store::GrantRequestRepository requests;
    if (requests.pending_of(sql, e->id, person.id) > 0) return ApiResponse::error(409, ErrorCode::GrantRequestDuplicate);
    if (holds_open_grant(sql, e->id, person.id, now, today)) return ApiResponse::error(409, ErrorCode::AgentGrantDuplicate);
    GrantRequest r;
    r.enterprise_id = e->id;
    r.person_id = person.id;
    r.scope = terms.scope;
    r.valid_from = terms.valid_from;
    r.valid_to = terms.valid_to;
    r.note = note;
    r.state = "pending";
    r.created_at = now;
    r.id = requests.insert(sql, r);
    record_audit(sql, now, {actor_of(person), "grant_request.create", target_of(r), request.client_ip, "ok",
                            "enterprise:" + std::to_string(e->id)});
    if (e->rep_person_id)
      post_message(sql, *e->rep_person_id,
                   {"grant_request.new", "新的经办人授权申请",
                    mask_name(person.name) + "申请成为" + e->name + "的经办人，请审核。", target_of(r),
                    {{"request_id", r.id}, {"enterprise_id", e->id}}, std::nullopt},
                   now);
    return ApiResponse::json(201, request_json(services, sql, r));
  });
}

ApiResponse list_grant_requests(app::Services& services, const http::ApiRequest& request) {
  auto who = agent_manager(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const AgentManager& m = std::get<AgentManager>(who);
  return services.db->with_session([&](soci::session& sql) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : store::GrantRequestRepository().of_enterprise(sql, m.caller.enterprise.id))
      items.push_back(request_json(services, sql, r));
    return ApiResponse::json(200, {{"requests", items}});
  });
}

ApiResponse approve_grant_request(app::Services& services, const http::ApiRequest& request) {
  auto who = agent_manager(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const AgentManager& m = std::get<AgentManager>(who);
  const auto body = request.json();
  bool admin = false;
  if (body && body->is_object() && body->contains("admin")) {
    if (!(*body)["admin"].is_boolean()) return ApiResponse::error(400, ErrorCode::FieldType, "admin");
    admin = (*body)["admin"].get<bool>();
  }
  if (admin && !m.representative()) return ApiResponse::error(403, ErrorCode::AgentAdminFlagForbidden, "admin");
  const long long now = services.now_seconds();
  const std::string today = format_date(services.clock->today());

  if (!m.representative()) {
    return services.db->transact([&](soci::session& sql) -> ApiResponse {
      auto found = pending_request(sql, m, request);
      if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
      const GrantRequest r = std::get<GrantRequest>(found);
      // A request may have been made long ago: its period must not have started in the past.
      GrantTerms terms{r.scope, std::max(r.valid_from, today), r.valid_to};
      auto made = delegate_grant(services, sql, {*m.own_grant, r.person_id, terms, "admin", true, r.id}, now, today);
      if (auto* refusal = std::get_if<ApiResponse>(&made)) return *refusal;
      const store::AgentGrant& g = std::get<store::AgentGrant>(made);
      store::GrantRequestRepository().decide(sql, r.id, "approved", m.person_id(), g.id, now);
      audit(sql, now, m, "grant_request.approve", r, request.client_ip);
      tell_about_grant(sql, r.person_id, g, "grant_request.approved", "企业授权申请已通过",
                       m.caller.enterprise.name + "已通过您的授权申请，您已成为该企业的经办人。", now);
      nlohmann::json out = grant_json(services, sql, g, now, today);
      out["request_id"] = r.id;
      return ApiResponse::json(200, out);
    });
  }

  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto rep_id = m.caller.enterprise.rep_person_id;
  const auto rep = rep_id ? services.db->with_session([&](soci::session& sql) { return persons.find_by_id(sql, *rep_id); })
                          : std::nullopt;
  if (!rep || rep->status != store::PersonStatus::Active || rep->level < kAddAgentsMinLevel)
    return ApiResponse::error(403, ErrorCode::LegalRepNotRealName);
  const ports::FaceTicket face = services.ports.face->start({rep->name, rep->id_number, "agent_grant"});
  if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_enterprise(sql, m.caller.enterprise.id);
    auto found = pending_request(sql, m, request);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    const GrantRequest r = std::get<GrantRequest>(found);
    if (holds_open_grant(sql, r.enterprise_id, r.person_id, now, today))
      return ApiResponse::error(409, ErrorCode::AgentGrantDuplicate, "request_id");
    store::AgentGrant g;
    g.enterprise_id = r.enterprise_id;
    g.agent_person_id = r.person_id;
    g.level = 1;
    g.granted_by_person_id = m.person_id();
    g.granted_by_role = m.role();
    g.is_admin = admin;
    g.scope = r.scope;
    g.valid_from = std::max(r.valid_from, today);
    g.valid_to = r.valid_to;
    if (g.valid_to < g.valid_from) return ApiResponse::error(409, ErrorCode::AgentPeriodInvalid, "valid_to");
    g.state = "awaiting_face";
    g.face_ticket = face.ticket;
    g.request_id = r.id;
    g.created_at = g.updated_at = now;
    g.id = store::AgentGrantRepository().insert(sql, g);
    record_face_check(services, sql, face.ticket, rep->id, "agent_grant", now);
    audit(sql, now, m, "grant_request.approve", r, request.client_ip);
    nlohmann::json out = grant_json(services, sql, g, now, today);
    out["request_id"] = r.id;
    out["face_ticket"] = face.ticket;
    out["face_url"] = face.start_url;
    return ApiResponse::json(200, out);
  });
}

ApiResponse reject_grant_request(app::Services& services, const http::ApiRequest& request) {
  auto who = agent_manager(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const AgentManager& m = std::get<AgentManager>(who);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = pending_request(sql, m, request);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    GrantRequest r = std::get<GrantRequest>(found);
    if (!store::GrantRequestRepository().decide(sql, r.id, "rejected", m.person_id(), std::nullopt, now))
      return ApiResponse::error(409, ErrorCode::GrantRequestStateInvalid, "request_id");
    r.state = "rejected";
    r.decided_at = now;
    audit(sql, now, m, "grant_request.reject", r, request.client_ip);
    post_message(sql, r.person_id,
                 {"grant_request.rejected", "企业授权申请未通过", m.caller.enterprise.name + "未通过您的经办人授权申请。",
                  target_of(r), {{"request_id", r.id}, {"enterprise_id", r.enterprise_id}}, std::nullopt},
                 now);
    return ApiResponse::json(200, request_json(services, sql, r));
  });
}

}  // namespace uia::flows
