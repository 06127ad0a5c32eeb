// Dates (parse/format/civil-day arithmetic/age) and the ID card validity rules.
#include <fuzzer/FuzzedDataProvider.h>

#include <optional>
#include <string>

#include "fuzz_util.h"
#include "policy/date.h"
#include "policy/id_validity.h"

using namespace uia;

namespace {

Date pick_date(FuzzedDataProvider& p) {
  // Any day from 0001-01-01 to 9999-12-31 (the range parse_date and format_date handle).
  static const long lo = days_from_civil({1, 1, 1});
  static const long hi = days_from_civil({9999, 12, 31});
  return civil_from_days(p.ConsumeIntegralInRange<long>(lo, hi));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = fuzz::as_text(data, size);
  for (bool compact : {false, true}) {
    if (const auto d = parse_date(in, compact)) {
      FUZZ_CHECK(is_valid_date(d->year, d->month, d->day));
      const std::string f = format_date(*d);
      if (in.size() == 10) FUZZ_CHECK(f == in);
      FUZZ_CHECK(parse_date(f) == d);
      FUZZ_CHECK(civil_from_days(days_from_civil(*d)) == *d);
    }
  }

  FuzzedDataProvider p(data, size);
  const Date birth = pick_date(p);
  const Date from = pick_date(p);
  const Date today = pick_date(p);
  const int term_pick = p.ConsumeIntegralInRange<int>(0, 4);
  std::optional<Date> to;
  if (term_pick == 0) to = std::nullopt;
  else if (term_pick == 4) to = pick_date(p);
  else to = add_years(from, term_pick == 1 ? 5 : term_pick == 2 ? 10 : 20);

  // Day arithmetic is consistent.
  FUZZ_CHECK(civil_from_days(days_from_civil(birth) + 1) > birth);
  FUZZ_CHECK((days_from_civil(birth) < days_from_civil(from)) == (birth < from));
  const int age = age_on(birth, today);
  if (birth <= today) {
    FUZZ_CHECK(age >= 0);
    FUZZ_CHECK(add_years(birth, age) <= today);
    if (add_years(birth, age + 1) <= today) {
      // Only a 29 Feb birthday lands on 28 Feb (one day early) in a non-leap year.
      FUZZ_CHECK(birth.month == 2 && birth.day == 29);
      FUZZ_CHECK(add_years(birth, age + 1) == today);
    }
  }
  const Date later = add_years(from, 10);
  FUZZ_CHECK(is_valid_date(later.year, later.month, later.day) || later.year > 9999);

  const Verdict v = check_id_validity(birth, from, to, today);
  if (v.ok()) {
    FUZZ_CHECK(v.detail == ErrorCode::Ok);
    FUZZ_CHECK(birth <= from && from <= today);
    FUZZ_CHECK(!to || today <= *to);
    const auto term = validity_term_of(from, to);
    FUZZ_CHECK(term && *term == validity_term_for_age(age_on(birth, from)));
  } else if (v.code == ErrorCode::IdExpired) {
    FUZZ_CHECK(v.detail == ErrorCode::IdExpired && to && *to < today);
  } else {
    FUZZ_CHECK(v.code == ErrorCode::IdValidityInvalid);
  }
  FUZZ_CHECK(needs_validity_dates(birth, today) == (age >= 16));
  FUZZ_CHECK(needs_face_check(birth, today) == needs_validity_dates(birth, today));
  return 0;
}
