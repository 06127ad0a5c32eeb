#include "policy/date.h"

namespace uia {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  // Four-digit years only: that is all parse_date and format_date deal with.
  if (year < 1 || year > 9999) return false;
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= days_in_month(year, month);
}

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

void append_padded(std::string& out, int value, int width) {
  char buf[12];
  int n = 0;
  unsigned v = value < 0 ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0 && n < 11);
  if (value < 0) out.push_back('-');
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(buf[--n]);
}

}  // namespace

std::optional<Date> parse_date(std::string_view text, bool compact) {
  std::string_view y, m, d;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    y = text.substr(0, 4);
    m = text.substr(5, 2);
    d = text.substr(8, 2);
  } else if (compact && text.size() == 8) {
    y = text.substr(0, 4);
    m = text.substr(4, 2);
    d = text.substr(6, 2);
  } else {
    return std::nullopt;
  }
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  Date r{to_int(y), to_int(m), to_int(d)};
  if (!is_valid_date(r.year, r.month, r.day)) return std::nullopt;
  return r;
}

std::string format_date(Date d) {
  std::string out;
  out.reserve(10);
  append_padded(out, d.year, 4);
  out.push_back('-');
  append_padded(out, d.month, 2);
  out.push_back('-');
  append_padded(out, d.day, 2);
  return out;
}

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
long days_from_civil(Date d) {
  long y = static_cast<long>(d.year) - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;                                          // [0, 399]
  const long mp = (static_cast<long>(d.month) + 9) % 12;                   // March = 0
  const long doy = (153 * mp + 2) / 5 + static_cast<long>(d.day) - 1;      // [0, 365]
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                  // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;                                       // [0, 146096]
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const long mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const long d = doy - (153 * mp + 2) / 5 + 1;                             // [1, 31]
  const long m = mp < 10 ? mp + 3 : mp - 9;                                // [1, 12]
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_years(Date d, int years) {
  Date r{d.year + years, d.month, d.day};
  if (r.month == 2 && r.day == 29 && !is_leap_year(r.year)) r.day = 28;
  return r;
}

int age_on(Date birth, Date on) {
  int age = on.year - birth.year;
  // Comparing (month, day) pairs makes a 29 Feb birthday count from 1 Mar in non-leap years:
  // on 28 Feb the pair (2, 28) is still before (2, 29).
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

}  // namespace uia
