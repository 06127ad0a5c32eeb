#include "flows/agents/grant_terms.h"

#include "flows/agents/agent_scope.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/agent_rules.h"
#include "policy/contact.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

std::optional<std::string> text_field(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_string()) return std::string("\x01");  // marks a wrong type
  return body[name].get<std::string>();
}

std::optional<ApiResponse> check_period(const std::optional<std::string>& from_text, const std::string& to_text,
                                        Date today, GrantTerms& out) {
  const auto from = from_text && !from_text->empty() ? parse_date(*from_text) : std::optional(today);
  if (!from || *from < today) return ApiResponse::error(400, ErrorCode::AgentPeriodInvalid, "valid_from");
  const auto to = parse_date(to_text);
  if (!to || *to < *from || *to > add_years(*from, kAgentGrantMaxYears))
    return ApiResponse::error(400, ErrorCode::AgentPeriodInvalid, "valid_to");
  out.valid_from = format_date(*from);
  out.valid_to = format_date(*to);
  return std::nullopt;
}

}  // namespace

std::optional<ApiResponse> read_grant_terms(const Profile& profile, const nlohmann::json& body, Date today,
                                            GrantTerms& out) {
  if (auto refusal = read_scope(profile, body, "scope", out.scope)) return refusal;
  const auto from = text_field(body, "valid_from");
  const auto to = text_field(body, "valid_to");
  if (from && *from == "\x01") return ApiResponse::error(400, ErrorCode::FieldType, "valid_from");
  if (!to) return ApiResponse::error(400, ErrorCode::FieldRequired, "valid_to");
  if (*to == "\x01") return ApiResponse::error(400, ErrorCode::FieldType, "valid_to");
  return check_period(from, *to, today, out);
}

std::optional<ApiResponse> read_changed_terms(const Profile& profile, const nlohmann::json& body, Date today,
                                              GrantTerms& out) {
  if (body.contains("scope"))
    if (auto refusal = read_scope(profile, body, "scope", out.scope)) return refusal;
  const auto from = text_field(body, "valid_from");
  const auto to = text_field(body, "valid_to");
  if (from && *from == "\x01") return ApiResponse::error(400, ErrorCode::FieldType, "valid_from");
  if (to && *to == "\x01") return ApiResponse::error(400, ErrorCode::FieldType, "valid_to");
  if (!from && !to) return std::nullopt;
  // An unchanged start may lie in the past (the grant has been running); a new one may not.
  const std::string old_from = out.valid_from;
  const auto start = parse_date(from.value_or(old_from));
  const auto end = parse_date(to.value_or(out.valid_to));
  if (!start || (from && *start < today)) return ApiResponse::error(400, ErrorCode::AgentPeriodInvalid, "valid_from");
  if (!end || *end < *start || *end < today || *end > add_years(*start, kAgentGrantMaxYears))
    return ApiResponse::error(400, ErrorCode::AgentPeriodInvalid, "valid_to");
  out.valid_from = format_date(*start);
  out.valid_to = format_date(*end);
  return std::nullopt;
}

std::variant<store::Person, ApiResponse> find_agent_person(app::Services& services, const nlohmann::json& body) {
  http::JsonFields fields(body);
  const std::string name = fields.required("name");
  const std::string id_number = normalize_document_number(fields.required("id_number"));
  const std::string phone = fields.required("phone");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(normalize_phone(phone)); !v.ok()) return ApiResponse::error(400, v, "phone");
  const store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto person =
      services.db->with_session([&](soci::session& sql) { return persons.find_by_any_id_number(sql, id_number); });
  if (!person || person->status != store::PersonStatus::Active || person->name != name ||
      person->phone != normalize_phone(phone))
    return ApiResponse::error(404, ErrorCode::DelegateNotFound, "id_number");
  return *person;
}

std::optional<ApiResponse> check_within(const GrantTerms& terms, const store::AgentGrant& parent) {
  if (!scope_within(terms.scope, parent.scope))
    return ApiResponse::error(400, ErrorCode::AgentGrantExceedsParent, "scope");
  if (terms.valid_from < parent.valid_from)
    return ApiResponse::error(400, ErrorCode::AgentGrantExceedsParent, "valid_from");
  if (terms.valid_to > parent.valid_to) return ApiResponse::error(400, ErrorCode::AgentGrantExceedsParent, "valid_to");
  return std::nullopt;
}

}  // namespace uia::flows
