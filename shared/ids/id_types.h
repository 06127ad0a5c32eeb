// The identity documents a person (or a relative, or an enterprise's legal representative) may
// be identified by: the one catalogue of document codes (stored in the database, sent over
// REST), their zh-CN labels and the value kind each number is checked as. Which of them a
// person may register with is the profile's person_id_types; everything else (relatives, the
// legal representative, import) reads the labels and kinds from here.
#pragma once
#include <span>
#include <string_view>

#include "api/validate.h"

namespace uia {

struct IdTypeInfo {
  std::string_view code;   // "resident", "hk_macau_permit", "taiwan_permit", "passport", "foreign_permanent_id"
  std::string_view label;  // "居民身份证"
  ValueKind kind;          // how the number is checked (validate_value / check_document_number)
};

// Every document type, in the order forms list them (the resident ID card first).
std::span<const IdTypeInfo> id_types();
// The entry for `code`; nullptr for a code not in the catalogue.
const IdTypeInfo* find_id_type(std::string_view code);

}  // namespace uia
