// Civil (proleptic Gregorian) dates without time zones or I/O. "Today" is always passed in by
// the caller (server: its Clock port; browser: the JS date), so rules are pure and testable.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace uia {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);
// Parses exactly "YYYY-MM-DD" (also accepts "YYYYMMDD" when compact is true); the date must be
// real (is_valid_date: years 0001-9999).
std::optional<Date> parse_date(std::string_view text, bool compact = false);
std::string format_date(Date d);  // "YYYY-MM-DD"
long days_from_civil(Date d);     // days since 1970-01-01
Date civil_from_days(long days);
// Same month and day `years` later; 29 Feb becomes 28 Feb in a non-leap year.
Date add_years(Date d, int years);
// Completed years of age on `on` for someone born on `birth` (birthday on 29 Feb counts from 1 Mar
// in non-leap years, as Chinese civil practice does).
int age_on(Date birth, Date on);  // negative when `on` is before `birth`

}  // namespace uia
