// One entry point for "is this value of this kind valid": `uia validate KIND VALUE`, the web
// client's live field checks and the browser/server parity test all go through it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "api/verdict.h"
#include "policy/date.h"
#include "profile/profile.h"

namespace uia {

enum class ValueKind {
  ResidentId,
  Uscc,
  Phone,
  Account,
  Password,
  HkMacauPermit,
  TaiwanPermit,
  Passport,
  ForeignPermanentId,
  Email,
};

// "resident-id", "uscc", "phone", "account", "password", "hk-macau-permit", "taiwan-permit",
// "passport", "foreign-permanent-id", "email".
std::optional<ValueKind> value_kind_from_name(std::string_view name);
std::string_view value_kind_name(ValueKind kind);
// The REST field a kind is reported under ("id_number", "uscc", "phone", ...).
std::string_view value_kind_field(ValueKind kind);

// A document number of a document kind (resident-id, the permits, passport,
// foreign-permanent-id); KindUnknown for the other kinds.
Verdict check_document_number(ValueKind kind, std::string_view value, Date today);
// Account names and passwords follow the profile's rules (a password is checked without an
// account name or a person's name: those checks need the form around it).
Verdict validate_value(ValueKind kind, std::string_view value, Date today, const Profile& profile);

// {"valid":true|false,"code":"...","message":"..."} exactly as `uia validate` prints it; the
// detail code is added as "detail" when it differs from code.
// Field order: valid, code, message, detail. Compact, no spaces.
std::string verdict_json(const Verdict& verdict);
// A JSON string literal (with the quotes) for UTF-8 text: escapes '"', '\\' and control
// characters (\b \f \n \r \t, others as \u00XX); every other byte is kept as it is.
std::string json_quote(std::string_view text);

}  // namespace uia
