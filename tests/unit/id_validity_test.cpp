#include <gtest/gtest.h>

#include <optional>

#include "policy/id_validity.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

Date next_day(Date d) { return civil_from_days(days_from_civil(d) + 1); }

TEST(IdValidity, TermForAge) {
  EXPECT_EQ(validity_term_for_age(0), ValidityTerm::FiveYears);
  EXPECT_EQ(validity_term_for_age(15), ValidityTerm::FiveYears);
  EXPECT_EQ(validity_term_for_age(16), ValidityTerm::TenYears);
  EXPECT_EQ(validity_term_for_age(25), ValidityTerm::TenYears);
  EXPECT_EQ(validity_term_for_age(26), ValidityTerm::TwentyYears);
  EXPECT_EQ(validity_term_for_age(45), ValidityTerm::TwentyYears);
  EXPECT_EQ(validity_term_for_age(46), ValidityTerm::LongTerm);
  EXPECT_EQ(validity_term_for_age(90), ValidityTerm::LongTerm);
}

TEST(IdValidity, TermOf) {
  EXPECT_EQ(validity_term_of({2015, 3, 1}, Date{2020, 3, 1}), ValidityTerm::FiveYears);
  EXPECT_EQ(validity_term_of({2015, 3, 1}, Date{2025, 3, 1}), ValidityTerm::TenYears);
  EXPECT_EQ(validity_term_of({2015, 3, 1}, Date{2035, 3, 1}), ValidityTerm::TwentyYears);
  EXPECT_EQ(validity_term_of({2015, 3, 1}, std::nullopt), ValidityTerm::LongTerm);
  EXPECT_FALSE(validity_term_of({2015, 3, 1}, Date{2025, 3, 2}));
  EXPECT_FALSE(validity_term_of({2015, 3, 1}, Date{2025, 2, 28}));
  EXPECT_FALSE(validity_term_of({2015, 3, 1}, Date{2030, 3, 1}));
  EXPECT_FALSE(validity_term_of({2015, 3, 1}, Date{2015, 3, 1}));
  // Issued on 29 Feb: the term ends on 28 Feb of a non-leap year.
  EXPECT_EQ(validity_term_of({2016, 2, 29}, Date{2021, 2, 28}), ValidityTerm::FiveYears);
  EXPECT_EQ(validity_term_of({2016, 2, 29}, Date{2036, 2, 29}), ValidityTerm::TwentyYears);
  EXPECT_FALSE(validity_term_of({2016, 2, 29}, Date{2021, 3, 1}));
}

struct Case {
  Date birth;
  Date from;
  ValidityTerm expected;
};

// Boundary ages at issue, 15/16, 25/26, 45/46: the right term passes, every other term is an
// age mismatch.
TEST(IdValidity, BoundaryAgesAtIssue) {
  const Case cases[] = {
      {{2000, 6, 15}, {2016, 6, 14}, ValidityTerm::FiveYears},     // 15
      {{2000, 6, 15}, {2016, 6, 15}, ValidityTerm::TenYears},      // 16 on the birthday
      {{1990, 5, 20}, {2016, 5, 19}, ValidityTerm::TenYears},      // 25
      {{1990, 5, 20}, {2016, 5, 20}, ValidityTerm::TwentyYears},   // 26
      {{1970, 1, 1}, {2015, 12, 31}, ValidityTerm::TwentyYears},   // 45
      {{1970, 1, 1}, {2016, 1, 1}, ValidityTerm::LongTerm},        // 46
      {{2000, 2, 29}, {2016, 2, 28}, ValidityTerm::FiveYears},     // 15 (leap-day birthday)
      {{2000, 2, 29}, {2016, 2, 29}, ValidityTerm::TenYears},      // 16
      {{2000, 2, 29}, {2026, 2, 28}, ValidityTerm::TenYears},      // 25: 2026 is not leap
      {{2000, 2, 29}, {2026, 3, 1}, ValidityTerm::TwentyYears},    // 26 from 1 March
  };
  const std::pair<ValidityTerm, int> terms[] = {{ValidityTerm::FiveYears, 5},
                                                {ValidityTerm::TenYears, 10},
                                                {ValidityTerm::TwentyYears, 20},
                                                {ValidityTerm::LongTerm, 0}};
  for (const Case& c : cases) {
    const Date today = next_day(c.from);
    for (const auto& [term, years] : terms) {
      const std::optional<Date> to =
          term == ValidityTerm::LongTerm ? std::nullopt : std::optional<Date>(add_years(c.from, years));
      const Verdict v = check_id_validity(c.birth, c.from, to, today);
      if (term == c.expected) {
        EXPECT_TRUE(v.ok()) << format_date(c.from) << " " << years << " " << detail_name(v);
      } else {
        EXPECT_EQ(v.code, ErrorCode::IdValidityInvalid) << format_date(c.from) << " " << years;
        EXPECT_EQ(v.detail, ErrorCode::IdValidityAgeMismatch) << format_date(c.from) << " " << years;
      }
    }
  }
}

TEST(IdValidity, TypicalCard) {
  // Born 1990, card issued 2015-03-01 at 24 for 10 years.
  EXPECT_TRUE(check_id_validity({1990, 7, 1}, {2015, 3, 1}, Date{2025, 3, 1}, {2024, 6, 1}).ok());
  // Last valid day is valid_to itself; the day after it is expired.
  EXPECT_TRUE(check_id_validity({1990, 7, 1}, {2015, 3, 1}, Date{2025, 3, 1}, {2025, 3, 1}).ok());
  const Verdict expired = check_id_validity({1990, 7, 1}, {2015, 3, 1}, Date{2025, 3, 1}, {2025, 3, 2});
  EXPECT_EQ(expired.code, ErrorCode::IdExpired);
  EXPECT_EQ(expired.detail, ErrorCode::IdExpired);
  // Long-term cards never expire.
  EXPECT_TRUE(check_id_validity({1950, 1, 1}, {2005, 1, 1}, std::nullopt, {2090, 1, 1}).ok());
}

TEST(IdValidity, OtherFailures) {
  const auto detail = [](Date birth, Date from, std::optional<Date> to, Date today) {
    return detail_name(check_id_validity(birth, from, to, today));
  };
  EXPECT_EQ(detail({2000, 1, 2}, {2000, 1, 1}, Date{2005, 1, 1}, {2001, 1, 1}), "ID_VALIDITY_BEFORE_BIRTH");
  EXPECT_EQ(detail({1990, 1, 1}, {2024, 6, 2}, Date{2044, 6, 2}, {2024, 6, 1}), "ID_VALIDITY_FUTURE");
  EXPECT_TRUE(check_id_validity({1990, 1, 1}, {2024, 6, 1}, Date{2044, 6, 1}, {2024, 6, 1}).ok());
  EXPECT_EQ(detail({1990, 1, 1}, {2015, 3, 1}, Date{2022, 3, 1}, {2016, 1, 1}), "ID_VALIDITY_TERM");
  EXPECT_EQ(detail({1990, 1, 1}, {2015, 3, 1}, Date{2025, 2, 28}, {2016, 1, 1}), "ID_VALIDITY_TERM");
  EXPECT_EQ(detail({1990, 1, 1}, {2015, 3, 1}, Date{2015, 2, 28}, {2016, 1, 1}), "ID_VALIDITY_TERM");
  for (const char* name : {"ID_VALIDITY_BEFORE_BIRTH", "ID_VALIDITY_FUTURE", "ID_VALIDITY_TERM"})
    EXPECT_TRUE(code_from_name(name));
  EXPECT_EQ(check_id_validity({1990, 1, 1}, {2015, 3, 1}, Date{2022, 3, 1}, {2016, 1, 1}).code,
            ErrorCode::IdValidityInvalid);
  // An expired card whose term also mismatches reports the mismatch (data error first).
  EXPECT_EQ(detail({1990, 1, 1}, {2000, 3, 1}, Date{2020, 3, 1}, {2024, 1, 1}), "ID_VALIDITY_AGE_MISMATCH");
}

TEST(IdValidity, NeedsDatesAndFaceCheckFrom16) {
  const Date birth{2008, 3, 1};
  EXPECT_FALSE(needs_validity_dates(birth, {2024, 2, 29}));
  EXPECT_FALSE(needs_face_check(birth, {2024, 2, 29}));
  EXPECT_TRUE(needs_validity_dates(birth, {2024, 3, 1}));
  EXPECT_TRUE(needs_face_check(birth, {2024, 3, 1}));
  // Leap-day birthday: 16 on 1 March of a non-leap year.
  const Date leap{2004, 2, 29};
  EXPECT_TRUE(needs_validity_dates(leap, {2020, 2, 29}));
  const Date leap2{2001, 2, 28};
  EXPECT_FALSE(needs_validity_dates(leap2, {2017, 2, 27}));
  EXPECT_TRUE(needs_validity_dates(leap2, {2017, 2, 28}));
  EXPECT_FALSE(needs_face_check({2020, 1, 1}, {2024, 1, 1}));
}

// The form fields as registration and the personal centre both check them.
TEST(IdValidity, FormFields) {
  const Date today{2026, 11, 25};
  const Date adult{1990, 5, 17};
  using Text = std::optional<std::string>;
  const auto check = [&](bool resident, Date birth, Text from, Text to) {
    return check_validity_fields(resident, birth, from, to, today);
  };
  EXPECT_TRUE(check(true, adult, "2020-01-10", "2040-01-10").verdict.ok());
  const auto missing_to = check(true, adult, "2020-01-10", std::nullopt);
  EXPECT_EQ(detail_name(missing_to.verdict), "ID_VALIDITY_REQUIRED");
  EXPECT_EQ(missing_to.field, "id_valid_to");
  EXPECT_EQ(check(true, adult, std::nullopt, std::nullopt).field, "id_valid_from");
  EXPECT_EQ(detail_name(check(true, adult, "2020-1-10", "2040-01-10").verdict), "DATE_INVALID");
  EXPECT_EQ(check(true, adult, "2020-01-10", "forever").field, "id_valid_to");
  const auto mismatch = check(true, adult, "2020-01-10", "long_term");
  EXPECT_EQ(mismatch.verdict.code, ErrorCode::IdValidityInvalid);
  EXPECT_EQ(mismatch.field, "id_valid_from");
  const auto expired = check(true, adult, "2005-06-01", "2010-06-01");
  EXPECT_EQ(detail_name(expired.verdict), "ID_EXPIRED");
  EXPECT_EQ(expired.field, "id_valid_to");
  EXPECT_TRUE(check(true, {1970, 1, 1}, "2020-01-10", "long_term").verdict.ok()) << "issued at 50: long-term";
  // Under 16: nothing is asked, whatever was sent.
  const auto child = check(true, {2015, 3, 1}, "2020-01-10", "2025-01-10");
  EXPECT_TRUE(child.verdict.ok());
  EXPECT_FALSE(child.applies);
  // Other documents: optional, both or neither, not expired, not in the future.
  EXPECT_TRUE(check(false, adult, std::nullopt, std::nullopt).verdict.ok());
  EXPECT_TRUE(check(false, adult, std::nullopt, std::nullopt).applies);
  EXPECT_TRUE(check(false, adult, "2024-01-01", "2029-01-01").verdict.ok());
  EXPECT_EQ(check(false, adult, "2024-01-01", std::nullopt).field, "id_valid_to");
  EXPECT_EQ(detail_name(check(false, adult, "2014-01-01", "2019-01-01").verdict), "ID_EXPIRED");
  EXPECT_EQ(detail_name(check(false, adult, "2027-01-01", "2037-01-01").verdict), "ID_EXPIRED");
}

}  // namespace
}  // namespace uia
