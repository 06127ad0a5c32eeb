// The legal representative of an enterprise account (seed H, 001 "法人用户注册前,必须先完成法定
// 代表人的自然人实名认证"): a natural person already registered on the platform with a checked real
// name, named by document type and number, whose name matches. A foreign representative is a
// person registered with a passport (reviewed by the back office).
#pragma once
#include <optional>
#include <string>
#include <variant>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"
#include "http/json_fields.h"
#include "store/person.h"

namespace uia::flows {

// What a request says about the representative, read and format-checked.
struct LegalRepInput {
  std::string name;
  std::string id_type;  // resident, passport, hk_macau_permit, taiwan_permit, foreign_permanent_id
  std::string id_number;
  std::optional<std::string> valid_from;
  std::optional<std::string> valid_to;  // YYYY-MM-DD or long_term
};

// Reads legal_rep_name, legal_rep_id_type, legal_rep_id_number, legal_rep_id_valid_from/_to from
// `fields` (their absence is left in `fields`); nullopt when the formats are right.
std::optional<http::ApiResponse> read_legal_rep(const app::Services& services, http::JsonFields& fields,
                                                LegalRepInput& out);

// The registered person who is this representative, or the refusal: LEGAL_REP_NOT_REAL_NAME
// when no active, real-name-checked person holds the document, LEGAL_REP_MISMATCH when the name
// differs.
std::variant<store::Person, http::ApiResponse> find_legal_rep(app::Services& services, soci::session& sql,
                                                              const LegalRepInput& rep);

// A resident-ID representative confirms with a face check; the face service cannot check
// passports and permits (their holders were checked by the back office instead).
inline bool legal_rep_needs_face(const LegalRepInput& rep) { return rep.id_type == "resident"; }

}  // namespace uia::flows
