#include "flows/delegations/delegations.h"

#include <soci/soci.h>

#include "api/notice_texts.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/path_id.h"
#include "flows/face/face_check_record.h"
#include "flows/messages/messages.h"
#include "flows/sessions/signed_in_person.h"
#include "http/json_fields.h"
#include "http/rfc3339.h"
#include "ids/documents.h"
#include "policy/agent_rules.h"
#include "policy/contact.h"
#include "privacy/mask.h"
#include "store/delegation_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Delegation;
using store::Person;

std::string target_of(const Delegation& d) { return "delegation:" + std::to_string(d.id); }
// Who acts for whom, in every audit line of a relation.
std::string parties_of(const Delegation& d) {
  return "grantor=person:" + std::to_string(d.grantor_id) + " grantee=person:" + std::to_string(d.grantee_id);
}

void audit(soci::session& sql, long long now, const std::string& actor, const std::string& action, const Delegation& d,
           const std::string& client_ip, const std::string& result = "ok") {
  record_audit(sql, now, {actor, action, target_of(d), client_ip, result, parties_of(d)});
}

// The other side's masked name, for lists and messages (a deleted person's name is empty).
std::string masked_name_of(const store::PersonRepository& persons, soci::session& sql, long long id) {
  const auto p = persons.find_by_id(sql, id);
  return p ? mask_name(p->name) : "";
}

nlohmann::json delegation_json(const Profile& profile, const store::PersonRepository& persons, soci::session& sql,
                               const Delegation& d, long long viewer) {
  const auto grantee = persons.find_by_id(sql, d.grantee_id);
  nlohmann::json ended_by = nullptr;
  if (d.ended_by) ended_by = *d.ended_by == d.grantor_id ? "grantor" : "grantee";
  return {{"id", d.id},
          {"role", viewer == d.grantor_id ? "grantor" : "grantee"},
          {"grantor", {{"name", masked_name_of(persons, sql, d.grantor_id)}}},
          {"grantee", {{"name", grantee ? mask_name(grantee->name) : ""},
                       {"id_number", grantee ? mask_id_number(grantee->id_number) : ""}}},
          {"scope", d.scope},
          {"scope_label", std::string(catalogue_label(profile.delegation_scopes, d.scope))},
          {"valid_from", d.valid_from},
          {"valid_to", d.valid_to},
          {"state", d.state},
          {"confirm_by", d.confirm_by ? nlohmann::json(http::format_rfc3339(*d.confirm_by)) : nlohmann::json(nullptr)},
          {"ended_by", ended_by},
          {"created_at", http::format_rfc3339(d.created_at)}};
}

// Relations of `person_id` whose time ran out move on before anyone looks at or acts on them:
// pending past the 24 h deadline, active past the last valid day. (No scheduler needed: the
// state is settled lazily, inside the transaction that reads it.)
void settle_overdue(soci::session& sql, long long person_id, long long now, Date today) {
  const store::DelegationRepository delegations;
  const std::string today_text = format_date(today);
  for (const auto& d : delegations.open_involving(sql, person_id)) {
    const bool confirm_missed = d.state == "pending" && d.confirm_by && *d.confirm_by < now;
    const bool period_over = d.state == "active" && d.valid_to < today_text;
    if (!confirm_missed && !period_over) continue;
    if (!delegations.change_state(sql, d.id, d.state, "expired", now)) continue;
    audit(sql, now, "system", confirm_missed ? "delegation.expire_unconfirmed" : "delegation.expire", d, "");
    if (confirm_missed) {
      settle_messages(sql, d.grantee_id, target_of(d), now);
      post_message(sql, d.grantor_id,
                   {"delegation.expired", "授权关系已失效", "对方未在规定时间内确认，您发起的授权关系已失效。", target_of(d),
                    {{"delegation_id", d.id}}, std::nullopt},
                   now);
    }
  }
}

std::optional<ApiResponse> read_period(const std::optional<std::string>& from_text, const std::string& to_text, Date today, std::string& from_out, std::string& to_out) {
  const auto from = from_text && !from_text->empty() ? parse_date(*from_text) : std::optional(today);
  if (!from || *from < today) return ApiResponse::error(400, ErrorCode::DelegationPeriodInvalid, "valid_from");
  const auto to = parse_date(to_text);
  if (!to || *to < *from || *to > add_years(*from, kDelegationMaxYears))
    return ApiResponse::error(400, ErrorCode::DelegationPeriodInvalid, "valid_to");
  from_out = format_date(*from);
  to_out = format_date(*to);
  return std::nullopt;
}

enum class Side { Grantee, Either };

// The relation `id` as seen by `person` inside a transaction (overdue ones settled first); an
// answer instead when the person is no side of it, or the wrong side for `needed`.
std::variant<Delegation, ApiResponse> relation_for(soci::session& sql, const Person& person, long long id, Side needed,
                                                   long long now, Date today) {
  settle_overdue(sql, person.id, now, today);
  const auto d = store::DelegationRepository().find(sql, id);
  const bool grantor = d && d->grantor_id == person.id;
  const bool grantee = d && d->grantee_id == person.id && d->state != "awaiting_face" && d->state != "face_failed";
  if (!grantor && !grantee) return ApiResponse::error(404, ErrorCode::NotFound, "id");
  if (needed == Side::Grantee && !grantee) return ApiResponse::error(403, ErrorCode::DelegationGranteeOnly, "id");
  return *d;
}

// One step of the grantee (confirm or refuse).
ApiResponse grantee_answers(app::Services& services, const http::ApiRequest& request, bool accept) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = path_id(request, "id");
  if (!id) return ApiResponse::error(404, ErrorCode::NotFound, "id");
  const long long now = services.now_seconds();
  const Date today = services.clock->today();
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const store::DelegationRepository delegations;
  const std::string action = accept ? "delegation.confirm" : "delegation.refuse";
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = relation_for(sql, person, *id, Side::Grantee, now, today);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    Delegation d = std::get<Delegation>(found);
    if (d.state != "pending") {
      // The refusal is audited too: a late or repeated answer is worth seeing in the trail.
      audit(sql, now, actor_of(person), action, d, request.client_ip, "denied");
      return ApiResponse::error(409, d.state == "expired" ? ErrorCode::DelegationExpired : ErrorCode::DelegationStateInvalid,
                                "id");
    }
    const std::string to = accept ? "active" : "refused";
    if (!delegations.change_state(sql, d.id, "pending", to, now))
      return ApiResponse::error(409, ErrorCode::DelegationStateInvalid, "id");
    d.state = to;
    d.updated_at = now;
    audit(sql, now, actor_of(person), action, d, request.client_ip);
    settle_messages(sql, person.id, target_of(d), now);
    const std::string who_name = mask_name(person.name);
    post_message(sql, d.grantor_id,
                 accept ? OutgoingMessage{"delegation.confirmed", "授权关系已生效", who_name + "已确认您发起的授权，授权关系已生效。",
                                          target_of(d), {{"delegation_id", d.id}}, std::nullopt}
                        : OutgoingMessage{"delegation.refused", "授权关系被拒绝", who_name + "拒绝了您发起的授权。",
                                          target_of(d), {{"delegation_id", d.id}}, std::nullopt},
                 now);
    return ApiResponse::json(200, delegation_json(services.profile(), persons, sql, d, person.id));
  });
}

ApiResponse list_delegations(app::Services& services, const http::ApiRequest& request, bool given) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const long long now = services.now_seconds();
  const Date today = services.clock->today();
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const store::DelegationRepository delegations;
  return services.db->transact([&](soci::session& sql) {
    settle_overdue(sql, person.id, now, today);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : given ? delegations.given_by(sql, person.id) : delegations.received_by(sql, person.id))
      items.push_back(delegation_json(services.profile(), persons, sql, d, person.id));
    nlohmann::json scopes = nlohmann::json::array();
    for (const auto& s : services.profile().delegation_scopes) scopes.push_back({{"scope", s.code}, {"label", s.label}});
    return ApiResponse::json(200, {{"delegations", items}, {"scopes", scopes}});
  });
}

}  // namespace

ApiResponse create_delegation(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string name = fields.required("name");
  const std::string id_number = normalize_document_number(fields.required("id_number"));
  const auto phone = fields.optional("phone");
  const std::string scope = fields.required("scope");
  const auto valid_from = fields.optional("valid_from");
  const std::string valid_to = fields.required("valid_to");
  if (fields.failed()) return fields.error();
  if (!catalogue_has(services.profile().delegation_scopes, scope))
    return ApiResponse::error(400, ErrorCode::DelegationScopeInvalid, "scope");
  const Date today = services.clock->today();
  Delegation d;
  if (auto refusal = read_period(valid_from, valid_to, today, d.valid_from, d.valid_to)) return *refusal;
  if (id_number == person.id_number) return ApiResponse::error(400, ErrorCode::DelegationSelf, "id_number");
  const std::string wanted_phone = phone ? normalize_phone(*phone) : "";
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const store::DelegationRepository delegations;
  // The grantee must be a registered, active person whose name (and phone, when given) match:
  // one answer for every mismatch, so the form does not tell which part was wrong.
  const auto grantee = services.db->with_session([&](soci::session& sql) { return persons.find_by_any_id_number(sql, id_number); });
  if (!grantee || grantee->status != store::PersonStatus::Active || grantee->name != name ||
      (!wanted_phone.empty() && grantee->phone != wanted_phone))
    return ApiResponse::error(404, ErrorCode::DelegateNotFound, "id_number");
  // The grantor's own face, so that nobody else at their keyboard hands their affairs away.
  const ports::FaceTicket face = services.ports.face->start({person.name, person.id_number, "delegation"});
  if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const long long now = services.now_seconds();
  d.grantor_id = person.id;
  d.grantee_id = grantee->id;
  d.scope = scope;
  d.state = "awaiting_face";
  d.face_ticket = face.ticket;
  d.created_at = d.updated_at = now;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    // The grantor's row lock serialises their grants (the cap, the one-open-relation rule).
    sql << "UPDATE persons SET updated_at = updated_at WHERE id = :p", soci::use(person.id);
    settle_overdue(sql, person.id, now, today);
    if (delegations.open_between(sql, person.id, grantee->id) > 0)
      return ApiResponse::error(409, ErrorCode::DelegationDuplicate, "id_number");
    if (delegations.open_given(sql, person.id) >= kMaxOpenDelegationsPerPerson)
      return ApiResponse::error(409, ErrorCode::DelegationLimit);
    d.id = delegations.insert(sql, d);
    record_face_check(services, sql, face.ticket, person.id, "delegation", now);
    audit(sql, now, actor_of(person), "delegation.create", d, request.client_ip);
    nlohmann::json out = delegation_json(services.profile(), persons, sql, d, person.id);
    out["face_ticket"] = face.ticket;
    out["face_url"] = face.start_url;
    return ApiResponse::json(201, out);
  });
}

ApiResponse list_given_delegations(app::Services& services, const http::ApiRequest& request) {
  return list_delegations(services, request, true);
}

ApiResponse list_received_delegations(app::Services& services, const http::ApiRequest& request) {
  return list_delegations(services, request, false);
}

ApiResponse confirm_delegation(app::Services& services, const http::ApiRequest& request) {
  return grantee_answers(services, request, true);
}

ApiResponse refuse_delegation(app::Services& services, const http::ApiRequest& request) {
  return grantee_answers(services, request, false);
}

ApiResponse end_delegation(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = path_id(request, "id");
  if (!id) return ApiResponse::error(404, ErrorCode::NotFound, "id");
  const long long now = services.now_seconds();
  const Date today = services.clock->today();
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const store::DelegationRepository delegations;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = relation_for(sql, person, *id, Side::Either, now, today);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    Delegation d = std::get<Delegation>(found);
    const std::string from = d.state;
    if ((from != "awaiting_face" && from != "pending" && from != "active") ||
        !delegations.change_state(sql, d.id, from, "ended", now, std::nullopt, person.id)) {
      audit(sql, now, actor_of(person), "delegation.end", d, request.client_ip, "denied");
      return ApiResponse::error(409, ErrorCode::DelegationStateInvalid, "id");
    }
    d.state = "ended";
    d.ended_by = person.id;
    audit(sql, now, actor_of(person), "delegation.end", d, request.client_ip);
    const long long other = person.id == d.grantor_id ? d.grantee_id : d.grantor_id;
    settle_messages(sql, d.grantee_id, target_of(d), now);
    // The grantee never heard of a relation still waiting for the grantor's face.
    if (from != "awaiting_face")
      post_message(sql, other,
                   {"delegation.ended", std::string(kDelegationEndedText), mask_name(person.name) + "解除了与您的授权关系。",
                    target_of(d),
                    {{"delegation_id", d.id}}, std::nullopt},
                   now);
    return ApiResponse::json(200, delegation_json(services.profile(), persons, sql, d, person.id));
  });
}

void delegation_face_result(app::Services& services, soci::session& sql, const std::string& ticket, bool passed,
                            long long now) {
  const store::DelegationRepository delegations;
  auto d = delegations.find_by_face_ticket(sql, ticket);
  if (!d || d->state != "awaiting_face") return;
  if (!passed) {
    if (delegations.change_state(sql, d->id, "awaiting_face", "face_failed", now))
      audit(sql, now, "person:" + std::to_string(d->grantor_id), "delegation.face_fail", *d, "", "failed");
    return;
  }
  const int accept_hours = services.profile().delegation_accept_hours;
  const long long confirm_by = now + accept_hours * 3600LL;
  if (!delegations.change_state(sql, d->id, "awaiting_face", "pending", now, confirm_by)) return;
  audit(sql, now, "person:" + std::to_string(d->grantor_id), "delegation.request", *d, "");
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const std::string grantor = masked_name_of(persons, sql, d->grantor_id);
  const std::string scope_label(catalogue_label(services.profile().delegation_scopes, d->scope));
  post_message(sql, d->grantee_id,
               {"delegation.request", "授权关系待确认",
                grantor + "授权您代为办理事项（" + scope_label + "，有效期" + d->valid_from + "至" + d->valid_to + "），请" +
                    confirm_within_text(accept_hours) + "。",
                target_of(*d),
                {{"delegation_id", d->id},
                 {"grantor", grantor},
                 {"scope", d->scope},
                 {"valid_from", d->valid_from},
                 {"valid_to", d->valid_to},
                 {"actions", nlohmann::json::array({"confirm", "refuse"})}},
                confirm_by},
               now);
}

void end_delegations_of(soci::session& sql, long long person_id, long long now) {
  const store::DelegationRepository delegations;
  for (auto d : delegations.open_involving(sql, person_id)) {
    const std::string from = d.state;
    if (!delegations.change_state(sql, d.id, from, "ended", now, std::nullopt, person_id)) continue;
    d.state = "ended";
    record_audit(sql, now, {"person:" + std::to_string(person_id), "delegation.end", target_of(d), "", "ok",
                            parties_of(d) + " account deleted"});
    const long long other = person_id == d.grantor_id ? d.grantee_id : d.grantor_id;
    if (from != "awaiting_face")
      post_message(sql, other,
                   {"delegation.ended", std::string(kDelegationEndedText), "对方已注销账号，与您的授权关系已解除。", target_of(d),
                    {{"delegation_id", d.id}}, std::nullopt},
                   now);
    if (other == d.grantee_id) settle_messages(sql, other, target_of(d), now);
  }
}

}  // namespace uia::flows
