#include "flows/relatives/relatives.h"

#include <soci/soci.h>

#include "api/validate.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/path_id.h"
#include "flows/face/face_check_record.h"
#include "flows/sessions/signed_in_person.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "ids/id_types.h"
#include "ids/resident_id.h"
#include "policy/id_validity.h"
#include "policy/person_name.h"
#include "privacy/mask.h"
#include "store/relative_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;
using store::Relative;

// A relative is identified by a document the police identity service checks (the ones
// registration accepts without a manual review).
const IdTypeInfo* relative_id_type(const std::string& id_type) {
  const IdTypeInfo* type = find_id_type(id_type);
  return type && checked_by_police(*type) ? type : nullptr;
}

nlohmann::json relative_json(const Profile& profile, const Relative& r, Date today) {
  const auto birth = parse_date(r.birth_date);
  return {{"id", r.id},
          {"relation", r.relation},
          {"relation_label", std::string(catalogue_label(profile.relations, r.relation))},
          {"name", mask_name(r.name)},
          {"id_type", r.id_type},
          {"id_number", mask_id_number(r.id_number)},
          {"age", birth ? age_on(*birth, today) : 0},
          {"id_valid_from", r.id_valid_from ? nlohmann::json(*r.id_valid_from) : nlohmann::json(nullptr)},
          {"id_valid_to", r.id_valid_to ? nlohmann::json(*r.id_valid_to) : nlohmann::json(nullptr)},
          {"status", r.status},
          {"face_needed", r.status != "verified"}};
}

// The relative in the body, checked with the shared rules; fills `out` (not ids, status, times).
std::optional<ApiResponse> read_relative(const Profile& profile, const nlohmann::json& body, Date today, Relative& out,
                                        bool& face_needed) {
  http::JsonFields fields(body);
  out.relation = fields.required("relation");
  out.name = fields.required("name");
  out.id_type = fields.required("id_type");
  std::string id_number = fields.required("id_number");
  const auto valid_from = fields.optional("id_valid_from");
  const auto valid_to = fields.optional("id_valid_to");
  const auto birth_date = fields.optional("birth_date");
  if (fields.failed()) return fields.error();
  if (!catalogue_has(profile.relations, out.relation))
    return ApiResponse::error(400, ErrorCode::RelationInvalid, "relation");
  if (Verdict v = check_person_name(out.name); !v.ok()) return ApiResponse::error(400, v, "name");
  const IdTypeInfo* type = relative_id_type(out.id_type);
  if (!type) return ApiResponse::error(400, ErrorCode::IdTypeInvalid, "id_type");
  Date birth;
  if (type->kind == ValueKind::ResidentId) {
    const auto id = parse_resident_id(id_number, today);
    if (!id) return ApiResponse::error(400, check_resident_id(id_number, today), "id_number");
    id_number = id->number;
    birth = id->birth_date;  // the number says when the relative was born
  } else {
    id_number = normalize_document_number(id_number);
    if (Verdict v = check_document_number(type->kind, id_number, today); !v.ok()) return ApiResponse::error(400, v, "id_number");
    const auto parsed = birth_date ? parse_date(*birth_date) : std::nullopt;
    if (!parsed || *parsed > today || parsed->year < 1900)
      return ApiResponse::error(400, ErrorCode::BirthDateInvalid, "birth_date");
    birth = *parsed;
  }
  const ValidityFieldsCheck validity =
      check_validity_fields(type->kind == ValueKind::ResidentId, birth, valid_from, valid_to, today);
  if (!validity.verdict.ok()) return ApiResponse::error(400, validity.verdict, validity.field);
  out.id_number = id_number;
  out.birth_date = format_date(birth);
  out.id_valid_from = validity.applies ? valid_from : std::nullopt;
  out.id_valid_to = validity.applies ? valid_to : std::nullopt;
  face_needed = needs_face_check(birth, today);
  return std::nullopt;
}

// The police check of name + document (slow, outside any transaction).
std::optional<ApiResponse> check_identity(app::Services& services, const Relative& r) {
  switch (services.ports.identity->verify({r.name, r.id_type, r.id_number})) {
    case ports::IdentityCheck::Match: return std::nullopt;
    case ports::IdentityCheck::Mismatch: return ApiResponse::error(400, ErrorCode::IdentityMismatch, "name");
    case ports::IdentityCheck::Unavailable: return ApiResponse::error(503, ErrorCode::IdentityUnavailable);
  }
  return ApiResponse::error(503, ErrorCode::IdentityUnavailable);
}

// Serialises one person's relative writes (the cap and the duplicate check hold under races):
// the person's row lock on MySQL; SQLite's BEGIN IMMEDIATE already serialises writers.
void lock_person(soci::session& sql, long long person_id) {
  sql << "UPDATE persons SET updated_at = updated_at WHERE id = :p", soci::use(person_id);
}

ApiResponse not_found() { return ApiResponse::error(404, ErrorCode::NotFound, "id"); }

std::string target_of(long long id) { return "relative:" + std::to_string(id); }

// The answer to a write: the relative, plus where to do the face check when one is running.
ApiResponse relative_answer(const Profile& profile, int status, const Relative& r, Date today,
                            const ports::FaceTicket& face) {
  nlohmann::json body = relative_json(profile, r, today);
  if (face.ok) {
    body["face_ticket"] = face.ticket;
    body["face_url"] = face.start_url;
  }
  return ApiResponse::json(status, body);
}

}  // namespace

ApiResponse list_relatives(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const Date today = services.clock->today();
  store::RelativeRepository relatives(*services.cipher, *services.blind_index);
  const auto all = services.db->with_session([&](soci::session& sql) { return relatives.list(sql, person.id); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : all) items.push_back(relative_json(services.profile(), r, today));
  nlohmann::json kinds = nlohmann::json::array();
  for (const auto& k : services.profile().relations) kinds.push_back({{"relation", k.code}, {"label", k.label}});
  return ApiResponse::json(200, {{"relatives", items}, {"max", kMaxRelativesPerPerson}, {"relations", kinds}});
}

ApiResponse create_relative(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  const Date today = services.clock->today();
  Relative relative;
  bool face_needed = false;
  if (auto refusal = read_relative(services.profile(), *body, today, relative, face_needed)) return *refusal;
  if (relative.id_number == person.id_number) return ApiResponse::error(400, ErrorCode::RelativeSelf, "id_number");
  store::RelativeRepository relatives(*services.cipher, *services.blind_index);
  // Cheap refusals before the slow outside calls (checked again under the lock below).
  if (auto early = services.db->with_session([&](soci::session& sql) -> std::optional<ApiResponse> {
        if (relatives.has_document(sql, person.id, relative.id_number, 0))
          return ApiResponse::error(409, ErrorCode::RelativeDuplicate, "id_number");
        if (relatives.count(sql, person.id) >= kMaxRelativesPerPerson) return ApiResponse::error(409, ErrorCode::RelativeLimit);
        return std::nullopt;
      }))
    return *early;
  if (auto refusal = check_identity(services, relative)) return *refusal;
  ports::FaceTicket face;
  if (face_needed) {
    face = services.ports.face->start({relative.name, relative.id_number, "relative"});
    if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  }
  const long long now = services.now_seconds();
  relative.person_id = person.id;
  relative.status = face_needed ? "pending_face" : "verified";
  relative.face_ticket = face_needed ? std::optional(face.ticket) : std::nullopt;
  relative.created_at = relative.updated_at = now;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_person(sql, person.id);
    if (relatives.has_document(sql, person.id, relative.id_number, 0))
      return ApiResponse::error(409, ErrorCode::RelativeDuplicate, "id_number");
    if (relatives.count(sql, person.id) >= kMaxRelativesPerPerson) return ApiResponse::error(409, ErrorCode::RelativeLimit);
    relative.id = relatives.insert(sql, relative);
    if (face_needed) record_face_check(services, sql, face.ticket, person.id, "relative", now);
    record_audit(sql, now, {actor_of(person), "relative.create", target_of(relative.id), request.client_ip, "ok",
                            relative.relation + " " + relative.status});
    return relative_answer(services.profile(), 201, relative, today, face);
  });
}

ApiResponse update_relative(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = path_id(request, "id");
  if (!id) return not_found();
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  const Date today = services.clock->today();
  Relative relative;
  bool face_needed = false;
  if (auto refusal = read_relative(services.profile(), *body, today, relative, face_needed)) return *refusal;
  if (relative.id_number == person.id_number) return ApiResponse::error(400, ErrorCode::RelativeSelf, "id_number");
  store::RelativeRepository relatives(*services.cipher, *services.blind_index);
  const auto existing = services.db->with_session([&](soci::session& sql) { return relatives.find(sql, person.id, *id); });
  if (!existing) return not_found();
  // The same person (name and document): relation and dates change, the checks done still count.
  const bool same_person = existing->name == relative.name && existing->id_type == relative.id_type &&
                           existing->id_number == relative.id_number;
  ports::FaceTicket face;
  if (same_person) {
    relative.status = existing->status;
    relative.face_ticket = existing->face_ticket;
  } else {
    if (auto refusal = check_identity(services, relative)) return *refusal;
    if (face_needed) {
      face = services.ports.face->start({relative.name, relative.id_number, "relative"});
      if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
    }
    relative.status = face_needed ? "pending_face" : "verified";
    relative.face_ticket = face_needed ? std::optional(face.ticket) : std::nullopt;
  }
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_person(sql, person.id);
    const auto current = relatives.find(sql, person.id, *id);
    if (!current) return not_found();
    if (relatives.has_document(sql, person.id, relative.id_number, *id))
      return ApiResponse::error(409, ErrorCode::RelativeDuplicate, "id_number");
    relative.id = *id;
    relative.person_id = person.id;
    relative.created_at = current->created_at;
    relative.updated_at = now;
    relatives.update(sql, relative);
    if (face.ok) record_face_check(services, sql, face.ticket, person.id, "relative", now);
    record_audit(sql, now, {actor_of(person), "relative.update", target_of(*id), request.client_ip, "ok",
                            relative.relation + " " + relative.status + (same_person ? "" : " rechecked")});
    return relative_answer(services.profile(), 200, relative, today, face);
  });
}

ApiResponse delete_relative(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = path_id(request, "id");
  if (!id) return not_found();
  const long long now = services.now_seconds();
  store::RelativeRepository relatives(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto existing = relatives.find(sql, person.id, *id);
    if (!existing) return not_found();
    relatives.remove(sql, person.id, *id);
    record_audit(sql, now, {actor_of(person), "relative.delete", target_of(*id), request.client_ip, "ok", existing->relation});
    return ApiResponse::no_content();
  });
}

ApiResponse restart_relative_face(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = path_id(request, "id");
  if (!id) return not_found();
  store::RelativeRepository relatives(*services.cipher, *services.blind_index);
  const auto existing = services.db->with_session([&](soci::session& sql) { return relatives.find(sql, person.id, *id); });
  if (!existing) return not_found();
  if (existing->status == "verified") return ApiResponse::error(409, ErrorCode::RelativeFaceNotNeeded);
  const ports::FaceTicket face = services.ports.face->start({existing->name, existing->id_number, "relative"});
  if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const long long now = services.now_seconds();
  const Date today = services.clock->today();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto current = relatives.find(sql, person.id, *id);
    if (!current) return not_found();
    if (current->status == "verified") return ApiResponse::error(409, ErrorCode::RelativeFaceNotNeeded);
    // The earlier ticket stops counting: only the newest check can verify the relative.
    if (current->face_ticket)
      sql << "UPDATE face_checks SET status = 'superseded', completed_at = :now WHERE ticket = :t AND status = 'pending'",
          soci::use(now), soci::use(*current->face_ticket);
    relatives.set_status(sql, *id, "pending_face", face.ticket, now);
    record_face_check(services, sql, face.ticket, person.id, "relative", now);
    record_audit(sql, now, {actor_of(person), "relative.face_restart", target_of(*id), request.client_ip, "ok", ""});
    current->status = "pending_face";
    return relative_answer(services.profile(), 201, *current, today, face);
  });
}

void relative_face_result(app::Services& services, soci::session& sql, const std::string& ticket, bool passed,
                          long long now) {
  store::RelativeRepository relatives(*services.cipher, *services.blind_index);
  const auto relative = relatives.find_by_face_ticket(sql, ticket);
  if (!relative || relative->status != "pending_face") return;
  const std::string status = passed ? "verified" : "face_failed";
  relatives.set_status(sql, relative->id, status, relative->face_ticket, now);
  record_audit(sql, now, {"person:" + std::to_string(relative->person_id), passed ? "relative.verify" : "relative.face_fail",
                          target_of(relative->id), "", passed ? "ok" : "failed", status});
}

void delete_relatives_of(app::Services& services, soci::session& sql, long long person_id) {
  store::RelativeRepository(*services.cipher, *services.blind_index).delete_for(sql, person_id);
}

}  // namespace uia::flows
