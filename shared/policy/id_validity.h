// ID card validity periods (居民身份证有效期): by the holder's age when the card was issued,
// under 16: 5 years; 16-25: 10 years; 26-45: 20 years; 46 and over: long-term. Holders under 16
// today enter no validity dates (and need no face check).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "api/verdict.h"
#include "policy/date.h"

namespace uia {

enum class ValidityTerm { FiveYears, TenYears, TwentyYears, LongTerm };

// The term the law gives someone of this age at issue.
ValidityTerm validity_term_for_age(int age_at_issue);
// The term that a (from, to) pair spans, if it is exactly one of them; `to` nullopt = long-term.
std::optional<ValidityTerm> validity_term_of(Date from, std::optional<Date> to);

// Whether a holder born on `birth` must enter validity dates today (16 and over).
bool needs_validity_dates(Date birth, Date today);
// Whether a face check applies (same boundary as validity dates).
bool needs_face_check(Date birth, Date today);

// `valid_to` nullopt = long-term. Checks: from not before birth, not in the future, the span is
// exactly one legal term, the term matches the age at issue (one-year tolerance around the
// boundary birthdays is NOT allowed: the age at `from` decides), and not expired (to >= today).
// Reported in that order: IdValidityBeforeBirth, IdValidityFuture, IdValidityTerm,
// IdValidityAgeMismatch (all under IdValidityInvalid), then IdExpired as its own code.
// The last valid day is `valid_to` itself. Ages follow age_on (29 Feb birthdays count from 1 Mar).
Verdict check_id_validity(Date birth, Date valid_from, std::optional<Date> valid_to, Date today);

// The validity fields of a form (registration, the personal centre), checked the one way every
// form uses. `valid_to` "long_term" means long-term. Resident IDs: holders of 16 and over must
// give both dates and they must pass check_id_validity; under 16 the dates are not asked for
// (`applies` false: the caller keeps none). Other documents: optional, but both or neither,
// not starting in the future and not expired (reported as IdExpired on id_valid_to).
struct ValidityFieldsCheck {
  Verdict verdict;         // pass, or why not
  std::string_view field;  // "id_valid_from" or "id_valid_to" when the verdict fails
  bool applies = true;     // false for a resident under 16
};
ValidityFieldsCheck check_validity_fields(bool resident_id, Date birth, const std::optional<std::string>& valid_from,
                                          const std::optional<std::string>& valid_to, Date today);

}  // namespace uia
