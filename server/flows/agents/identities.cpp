#include "flows/agents/identities.h"

#include <soci/soci.h>

#include "flows/agents/acting_check.h"
#include "flows/agents/agent_grant_state.h"
#include "flows/back_office/account_freeze.h"
#include "flows/audit/audit_log.h"
#include "flows/sessions/authenticate.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

struct Identity {
  ActingIdentity acting;  // enterprise_id 0: the person themselves
  nlohmann::json json;
};

nlohmann::json enterprise_identity(const store::Enterprise& e, const std::string& role, long long grant_id) {
  return {{"type", "enterprise"},
          {"role", role},
          {"enterprise_id", e.id},
          {"enterprise_name", e.name},
          {"uscc", e.uscc},
          {"grant_id", grant_id != 0 ? nlohmann::json(grant_id) : nlohmann::json(nullptr)}};
}

// Every identity the person may take now: themselves, the enterprises they represent, and
// each grant in force.
std::vector<Identity> identities_of(app::Services& services, soci::session& sql, const store::Person& person) {
  const long long now = services.now_seconds();
  const std::string today = format_date(services.clock->today());
  const store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  std::vector<Identity> out;
  out.push_back({{}, {{"type", "person"}, {"role", "self"}, {"person_id", person.id}, {"name", mask_name(person.name)}}});
  // A person represents a handful of enterprises at most: one batch of 64 is plenty.
  std::vector<long long> represented(64);
  sql << "SELECT id FROM enterprises WHERE rep_person_id = :p AND status = 'active' ORDER BY id", soci::use(person.id),
      soci::into(represented);
  for (long long id : represented)
    if (const auto e = enterprises.find_by_id(sql, id)) out.push_back({{e->id, "legal_rep", 0}, enterprise_identity(*e, "legal_rep", 0)});
  for (const auto& g : store::AgentGrantRepository().of_agent(sql, person.id)) {
    if (!grant_in_force(sql, g, now, today)) continue;
    const auto e = enterprises.find_by_id(sql, g.enterprise_id);
    if (!e || e->status != store::EnterpriseStatus::Active) continue;
    const std::string role = g.is_admin ? "admin" : "agent";
    out.push_back({{e->id, role, g.id}, enterprise_identity(*e, role, g.id)});
  }
  return out;
}

nlohmann::json current_json(const ActingIdentity& a) {
  return {{"type", a.enterprise_id == 0 ? "person" : "enterprise"},
          {"role", a.role.empty() ? std::string("self") : a.role},
          {"enterprise_id", a.enterprise_id != 0 ? nlohmann::json(a.enterprise_id) : nlohmann::json(nullptr)},
          {"grant_id", a.grant_id != 0 ? nlohmann::json(a.grant_id) : nlohmann::json(nullptr)}};
}

// The person behind a session that may switch (not an enterprise account's own session).
std::variant<std::pair<ActiveSession, store::Person>, ApiResponse> switching_person(app::Services& services,
                                                                                  const http::ApiRequest& request) {
  auto who = authenticate_any_identity(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const ActiveSession session = std::get<ActiveSession>(who);
  if (session.person_id == 0) return ApiResponse::error(403, ErrorCode::IdentityInvalid);
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto person = services.db->with_session([&](soci::session& sql) { return persons.find_by_id(sql, session.person_id); });
  if (!person || person->status == store::PersonStatus::Deleted) return ApiResponse::error(401, ErrorCode::Unauthenticated);
  return std::make_pair(session, *person);
}

std::optional<long long> optional_id(const nlohmann::json& body, const char* name, bool& bad) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_number_integer() || body[name].get<long long>() <= 0) {
    bad = true;
    return std::nullopt;
  }
  return body[name].get<long long>();
}

}  // namespace

ApiResponse list_my_identities(app::Services& services, const http::ApiRequest& request) {
  auto who = switching_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const auto& signed_in = std::get<std::pair<ActiveSession, store::Person>>(who);
  const ActiveSession& session = signed_in.first;
  const store::Person& person = signed_in.second;
  return services.db->with_session([&](soci::session& sql) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& identity : identities_of(services, sql, person)) items.push_back(identity.json);
    return ApiResponse::json(200, {{"current", current_json(acting_identity_of(sql, session))}, {"identities", items}});
  });
}

ApiResponse switch_identity(app::Services& services, const http::ApiRequest& request) {
  auto who = switching_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const auto& signed_in = std::get<std::pair<ActiveSession, store::Person>>(who);
  const ActiveSession& session = signed_in.first;
  const store::Person& person = signed_in.second;
  const auto body = request.json();
  if (!body || !body->is_object()) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  if (!body->contains("type")) return ApiResponse::error(400, ErrorCode::FieldRequired, "type");
  if (!(*body)["type"].is_string()) return ApiResponse::error(400, ErrorCode::FieldType, "type");
  const std::string type = (*body)["type"].get<std::string>();
  bool bad = false;
  const auto enterprise_id = optional_id(*body, "enterprise_id", bad);
  if (bad) return ApiResponse::error(400, ErrorCode::FieldType, "enterprise_id");
  const auto grant_id = optional_id(*body, "grant_id", bad);
  if (bad) return ApiResponse::error(400, ErrorCode::FieldType, "grant_id");
  if (type != "person" && type != "enterprise") return ApiResponse::error(400, ErrorCode::IdentityInvalid, "type");
  if (type == "enterprise" && !enterprise_id) return ApiResponse::error(400, ErrorCode::FieldRequired, "enterprise_id");
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    std::optional<ActingIdentity> chosen;
    if (type == "person") {
      chosen = ActingIdentity{};
    } else {
      // The legal representative's own identity unless a grant is named; else the grant named,
      // or the best grant in force for the enterprise (admin first).
      for (const auto& identity : identities_of(services, sql, person)) {
        const ActingIdentity& a = identity.acting;
        if (a.enterprise_id != *enterprise_id) continue;
        if (grant_id ? a.grant_id == *grant_id : (!chosen || a.role == "legal_rep" || (a.role == "admin" && chosen->role == "agent")))
          chosen = a;
      }
    }
    if (!chosen) {
      record_audit(sql, now, {"person:" + std::to_string(person.id), "session.identity", "session:" + std::to_string(session.id),
                              request.client_ip, "denied", "IDENTITY_INVALID"});
      return ApiResponse::error(403, ErrorCode::IdentityInvalid, "enterprise_id");
    }
    if (chosen->enterprise_id != 0 && enterprise_frozen(sql, chosen->enterprise_id)) {
      record_audit(sql, now, {"person:" + std::to_string(person.id), "session.identity", "session:" + std::to_string(session.id),
                              request.client_ip, "denied", "ACCOUNT_FROZEN"});
      return frozen_refusal();
    }
    change_session_identity(sql, session.id, chosen->acting_for(), chosen->grant_id);
    record_audit(sql, now, {"person:" + std::to_string(person.id), "session.identity",
                            "session:" + std::to_string(session.id), request.client_ip, "ok",
                            chosen->enterprise_id == 0 ? "self" : chosen->role}, acting_for_text(*chosen));
    nlohmann::json out = {{"session_id", session.id},
                          {"person_id", session.person_id},
                          {"acting_as", chosen->role.empty() ? std::string("person") : chosen->role},
                          {"current", current_json(*chosen)},
                          {"valid_until", http::format_rfc3339(session.valid_until)}};
    if (chosen->enterprise_id != 0) out["enterprise_id"] = chosen->enterprise_id;
    if (chosen->grant_id != 0) out["grant_id"] = chosen->grant_id;
    return ApiResponse::json(200, out);
  });
}

}  // namespace uia::flows
