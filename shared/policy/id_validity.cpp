#include "policy/id_validity.h"

namespace uia {
namespace {

int term_years(ValidityTerm term) {
  switch (term) {
    case ValidityTerm::FiveYears: return 5;
    case ValidityTerm::TenYears: return 10;
    case ValidityTerm::TwentyYears: return 20;
    case ValidityTerm::LongTerm: break;
  }
  return 0;
}

constexpr int kAdultAge = 16;

}  // namespace

ValidityTerm validity_term_for_age(int age_at_issue) {
  if (age_at_issue < 16) return ValidityTerm::FiveYears;
  if (age_at_issue <= 25) return ValidityTerm::TenYears;
  if (age_at_issue <= 45) return ValidityTerm::TwentyYears;
  return ValidityTerm::LongTerm;
}

std::optional<ValidityTerm> validity_term_of(Date from, std::optional<Date> to) {
  if (!to) return ValidityTerm::LongTerm;
  for (ValidityTerm t : {ValidityTerm::FiveYears, ValidityTerm::TenYears, ValidityTerm::TwentyYears})
    if (*to == add_years(from, term_years(t))) return t;
  return std::nullopt;
}

bool needs_validity_dates(Date birth, Date today) { return age_on(birth, today) >= kAdultAge; }

bool needs_face_check(Date birth, Date today) { return age_on(birth, today) >= kAdultAge; }

Verdict check_id_validity(Date birth, Date valid_from, std::optional<Date> valid_to, Date today) {
  constexpr ErrorCode kCode = ErrorCode::IdValidityInvalid;
  if (valid_from < birth) return Verdict::fail(kCode, ErrorCode::IdValidityBeforeBirth);
  if (valid_from > today) return Verdict::fail(kCode, ErrorCode::IdValidityFuture);
  const auto term = validity_term_of(valid_from, valid_to);
  if (!term) return Verdict::fail(kCode, ErrorCode::IdValidityTerm);
  if (*term != validity_term_for_age(age_on(birth, valid_from)))
    return Verdict::fail(kCode, ErrorCode::IdValidityAgeMismatch);
  if (valid_to && *valid_to < today) return Verdict::fail(ErrorCode::IdExpired);
  return Verdict::pass();
}

ValidityFieldsCheck check_validity_fields(bool resident_id, Date birth, const std::optional<std::string>& valid_from,
                                          const std::optional<std::string>& valid_to, Date today) {
  const auto fail = [](Verdict v, std::string_view field) { return ValidityFieldsCheck{v, field, true}; };
  if (resident_id && !needs_validity_dates(birth, today)) return {Verdict::pass(), {}, false};
  if (!resident_id && !valid_from && !valid_to) return {};
  if (!valid_from || !valid_to)
    return fail(Verdict::fail(ErrorCode::IdValidityRequired), valid_from ? "id_valid_to" : "id_valid_from");
  const auto from = parse_date(*valid_from);
  if (!from) return fail(Verdict::fail(ErrorCode::DateInvalid), "id_valid_from");
  std::optional<Date> to;
  if (*valid_to != "long_term") {
    to = parse_date(*valid_to);
    if (!to) return fail(Verdict::fail(ErrorCode::DateInvalid), "id_valid_to");
  }
  if (resident_id) {
    const Verdict v = check_id_validity(birth, *from, to, today);
    if (!v.ok()) return fail(v, v.code == ErrorCode::IdExpired ? "id_valid_to" : "id_valid_from");
  } else if ((to && *to < today) || *from > today) {
    return fail(Verdict::fail(ErrorCode::IdExpired), "id_valid_to");
  }
  return {};
}

}  // namespace uia
