#include "flows/enterprise/legal_representative.h"

#include "api/validate.h"
#include "ids/documents.h"
#include "ids/id_types.h"
#include "policy/agent_rules.h"
#include "policy/date.h"
#include "policy/person_name.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

std::optional<ValueKind> kind_of(const std::string& id_type) {
  const IdTypeInfo* type = find_id_type(id_type);
  return type ? std::optional<ValueKind>(type->kind) : std::nullopt;
}

}  // namespace

std::optional<ApiResponse> read_legal_rep(const app::Services& services, http::JsonFields& fields, LegalRepInput& out) {
  out.name = fields.required("legal_rep_name");
  out.id_type = fields.optional("legal_rep_id_type").value_or("resident");
  out.id_number = fields.required("legal_rep_id_number");
  out.valid_from = fields.optional("legal_rep_id_valid_from");
  out.valid_to = fields.optional("legal_rep_id_valid_to");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_person_name(out.name); !v.ok()) return ApiResponse::error(400, v, "legal_rep_name");
  const auto kind = kind_of(out.id_type);
  if (!kind) return ApiResponse::error(400, ErrorCode::IdTypeInvalid, "legal_rep_id_type");
  if (*kind == ValueKind::ResidentId) out.id_number = normalize_document_number(out.id_number);
  const Date today = services.clock->today();
  if (Verdict v = check_document_number(*kind, out.id_number, today); !v.ok())
    return ApiResponse::error(400, v, "legal_rep_id_number");
  // Validity dates are optional here (the person record holds the checked ones); given, they
  // must be real dates and the document must not have expired.
  if (out.valid_from && !parse_date(*out.valid_from))
    return ApiResponse::error(400, ErrorCode::DateInvalid, "legal_rep_id_valid_from");
  if (out.valid_to && *out.valid_to != "long_term") {
    const auto to = parse_date(*out.valid_to);
    if (!to) return ApiResponse::error(400, ErrorCode::DateInvalid, "legal_rep_id_valid_to");
    if (*to < today) return ApiResponse::error(400, ErrorCode::IdExpired, "legal_rep_id_valid_to");
  }
  return std::nullopt;
}

std::variant<store::Person, ApiResponse> find_legal_rep(app::Services& services, soci::session& sql,
                                                        const LegalRepInput& rep) {
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto person = persons.find_by_id_number(sql, rep.id_type, rep.id_number);
  // Level 2 and up: the police (or, for foreign documents, the back office) confirmed the name.
  if (!person || person->status != store::PersonStatus::Active || person->level < kLegalRepMinLevel)
    return ApiResponse::error(400, ErrorCode::LegalRepNotRealName, "legal_rep_id_number");
  if (person->name != rep.name) return ApiResponse::error(400, ErrorCode::LegalRepMismatch, "legal_rep_name");
  return *person;
}

}  // namespace uia::flows
