// Resident identity card number, GB 11643-1999: 6-digit region code, 8-digit date of birth,
// 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character (0-9 or X).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "api/verdict.h"
#include "policy/date.h"

namespace uia {

enum class Gender { Female, Male };

struct ResidentId {
  std::string number;  // normalised: 18 characters, trailing 'x' upper-cased
  std::string region;  // first 6 digits
  Date birth_date;
  Gender gender;
};

// The check character for the first 17 digits ('0'-'9' or 'X'); '?' if they are not 17 digits.
char resident_id_check_char(std::string_view first17);
// Full check, in this order (the first failure is the detail code): empty, length 18,
// characters (17 digits + digit/X/x; nothing is trimmed), province-level address code (GB/T 2260
// provinces, 81/82/83 for residence permits), date of birth (a real date, year 1800 or later
// because GB 11643's own example is born in 1880, not after `today`), MOD 11-2 check character.
Verdict check_resident_id(std::string_view number, Date today);
// Parsed facts of a valid number, nullopt when check_resident_id fails.
std::optional<ResidentId> parse_resident_id(std::string_view number, Date today);

}  // namespace uia
