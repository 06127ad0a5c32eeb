#include "ids/resident_id.h"

#include "ids/region.h"

namespace uia {
namespace {

// GB 11643-1999 / ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11.
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckMap[12] = "10X98765432";

// Oldest plausible year of birth. GB 11643-1999's own worked example (440524188001010014)
// is born in 1880, so the floor is 1800 rather than 1900.
constexpr int kMinBirthYear = 1800;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

Verdict fail(ErrorCode detail) { return Verdict::fail(ErrorCode::IdNumberInvalid, detail); }

}  // namespace

char resident_id_check_char(std::string_view first17) {
  if (first17.size() != 17) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    if (!is_digit(first17[i])) return '?';
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheckMap[sum % 11];
}

Verdict check_resident_id(std::string_view number, Date today) {
  if (number.empty()) return fail(ErrorCode::IdNumberEmpty);
  if (number.size() != 18) return fail(ErrorCode::IdNumberLength);
  for (std::size_t i = 0; i < 17; ++i)
    if (!is_digit(number[i])) return fail(ErrorCode::IdNumberCharacters);
  const char last = number[17];
  if (!is_digit(last) && last != 'X' && last != 'x') return fail(ErrorCode::IdNumberCharacters);

  // Address code: a real province-level code; the rest is not checked against the (changing)
  // county list, and XX0000 is legal (810000/820000/830000 are the residence-permit codes).
  if (!region::is_resident_id_province(number.substr(0, 2))) return fail(ErrorCode::IdNumberRegion);

  const Date birth{digits_value(number.substr(6, 4)), digits_value(number.substr(10, 2)),
                   digits_value(number.substr(12, 2))};
  if (birth.year < kMinBirthYear || !is_valid_date(birth.year, birth.month, birth.day) ||
      birth > today)
    return fail(ErrorCode::IdNumberBirthDate);

  const char expected = resident_id_check_char(number.substr(0, 17));
  const char given = last == 'x' ? 'X' : last;
  if (given != expected) return fail(ErrorCode::IdNumberCheckDigit);
  return Verdict::pass();
}

std::optional<ResidentId> parse_resident_id(std::string_view number, Date today) {
  if (!check_resident_id(number, today).ok()) return std::nullopt;
  ResidentId id;
  id.number = std::string(number);
  if (id.number[17] == 'x') id.number[17] = 'X';
  id.region = id.number.substr(0, 6);
  id.birth_date = Date{digits_value(number.substr(6, 4)), digits_value(number.substr(10, 2)),
                       digits_value(number.substr(12, 2))};
  id.gender = ((number[16] - '0') % 2 == 1) ? Gender::Male : Gender::Female;
  return id;
}

}  // namespace uia
