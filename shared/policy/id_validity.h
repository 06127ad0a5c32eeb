// ID card validity periods (居民身份证有效期): by the holder's age when the card was issued,
// under 16: 5 years; 16-25: 10 years; 26-45: 20 years; 46 and over: long-term. Holders under 16
// today enter no validity dates (and need no face check).
#pragma once
#include <optional>

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

}  // namespace uia
