#include "ids/documents.h"

#include "ids/region.h"
#include "ids/resident_id.h"

namespace uia {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Same floor as the resident ID (see resident_id.cpp).
constexpr int kMinBirthYear = 1800;

}  // namespace

Verdict check_hk_macau_permit(std::string_view n) {
  constexpr ErrorCode kCode = ErrorCode::HkMacauPermitInvalid;
  if (n.empty()) return Verdict::fail(kCode, ErrorCode::DocumentNumberEmpty);
  // ^[HM]\d{8}(\d{2})?$
  if ((n.size() != 9 && n.size() != 11) || (n[0] != 'H' && n[0] != 'M') || !all_digits(n.substr(1)))
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  return Verdict::pass();
}

Verdict check_taiwan_permit(std::string_view n) {
  constexpr ErrorCode kCode = ErrorCode::TaiwanPermitInvalid;
  if (n.empty()) return Verdict::fail(kCode, ErrorCode::DocumentNumberEmpty);
  // ^\d{8}(\d{2})?$
  if ((n.size() != 8 && n.size() != 10) || !all_digits(n))
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  return Verdict::pass();
}

bool is_chinese_passport(std::string_view n) {
  // ^(E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|[GDSP][0-9]{8}|[GDSP]E?[0-9]{7})$
  if (n.size() < 8 || n.size() > 9) return false;
  const char first = n[0];
  if (n.size() == 9) {
    if (first == 'E') {
      const char second = n[1];
      if (is_digit(second)) return all_digits(n.substr(1));
      return is_upper(second) && second != 'I' && second != 'O' && all_digits(n.substr(2));
    }
    if (first == 'G' || first == 'D' || first == 'S' || first == 'P') {
      if (all_digits(n.substr(1))) return true;
      return n[1] == 'E' && all_digits(n.substr(2));
    }
    return false;
  }
  // 8 characters: [GDSP] + 7 digits
  return (first == 'G' || first == 'D' || first == 'S' || first == 'P') && all_digits(n.substr(1));
}

Verdict check_passport(std::string_view n) {
  constexpr ErrorCode kCode = ErrorCode::PassportInvalid;
  if (n.empty()) return Verdict::fail(kCode, ErrorCode::DocumentNumberEmpty);
  if (is_chinese_passport(n)) return Verdict::pass();
  // Foreign passports: ^[A-Z0-9]{5,17}$ with at least one digit (upper case only).
  if (n.size() < 5 || n.size() > 17) return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  bool digit = false;
  for (char c : n) {
    if (is_digit(c))
      digit = true;
    else if (!is_upper(c))
      return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  }
  if (!digit) return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  return Verdict::pass();
}

namespace {

// A YYMMDD birth date of the 2004 card: real in the 1900s, or real and not in the future
// in the 2000s.
bool yymmdd_plausible(std::string_view s, Date today) {
  if (s.size() != 6 || !all_digits(s)) return false;
  const int yy = digits_value(s.substr(0, 2));
  const int mm = digits_value(s.substr(2, 2));
  const int dd = digits_value(s.substr(4, 2));
  if (is_valid_date(1900 + yy, mm, dd)) return true;
  return is_valid_date(2000 + yy, mm, dd) && Date{2000 + yy, mm, dd} <= today;
}

Verdict check_foreign_old(std::string_view n, Date today) {
  constexpr ErrorCode kCode = ErrorCode::ForeignPermanentIdInvalid;
  // 2004-2023 card: 3 Latin capitals (ISO 3166-1 alpha-3 nationality) + 12 digits.
  for (std::size_t i = 0; i < 3; ++i)
    if (!is_upper(n[i])) return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  if (!all_digits(n.substr(3))) return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  // Digits 4-5: province-level code of the accepting authority.
  if (!region::is_province_code(n.substr(3, 2)))
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  // Published descriptions of the 12 digits disagree: 2-digit province + YYMMDD + 3-digit
  // sequence + check (birth date at 6-11), or 4-digit area + YYMMDD + 1 sequence + check
  // (birth date at 8-13). Accept a plausible birth date at either place. The check digit
  // algorithm of this format is not published, so it is not verified (structure only).
  if (!yymmdd_plausible(n.substr(5, 6), today) && !yymmdd_plausible(n.substr(7, 6), today))
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  return Verdict::pass();
}

Verdict check_foreign_new(std::string_view n, Date today) {
  constexpr ErrorCode kCode = ErrorCode::ForeignPermanentIdInvalid;
  // 2023 card: '9' + 2-digit province + 3-digit nationality (ISO 3166-1 numeric) + YYYYMMDD +
  // 3-digit sequence (odd = male) + MOD 11-2 check character, exactly like GB 11643.
  if (n[0] != '9' || !all_digits(n.substr(0, 17)))
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  const char last = n[17];
  if (!is_digit(last) && last != 'X' && last != 'x')
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  if (!region::is_province_code(n.substr(1, 2)))
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  if (n.substr(3, 3) == "000") return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  const Date birth{digits_value(n.substr(6, 4)), digits_value(n.substr(10, 2)),
                   digits_value(n.substr(12, 2))};
  if (birth.year < kMinBirthYear || !is_valid_date(birth.year, birth.month, birth.day) ||
      birth > today)
    return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
  const char given = last == 'x' ? 'X' : last;
  if (resident_id_check_char(n.substr(0, 17)) != given)
    return Verdict::fail(kCode, ErrorCode::DocumentCheckDigit);
  return Verdict::pass();
}

}  // namespace

Verdict check_foreign_permanent_id(std::string_view n, Date today) {
  constexpr ErrorCode kCode = ErrorCode::ForeignPermanentIdInvalid;
  if (n.empty()) return Verdict::fail(kCode, ErrorCode::DocumentNumberEmpty);
  if (n.size() == 15) return check_foreign_old(n, today);
  if (n.size() == 18) return check_foreign_new(n, today);
  return Verdict::fail(kCode, ErrorCode::DocumentNumberFormat);
}

std::string normalize_document_number(std::string_view number) {
  std::string out(number);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace uia
