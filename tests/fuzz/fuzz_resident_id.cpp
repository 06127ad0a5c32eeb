// Resident ID (GB 11643-1999): check, parse and check character must agree.
#include <string>

#include "fuzz_util.h"
#include "ids/resident_id.h"

using namespace uia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = fuzz::as_text(data, size);
  const Date today{2024, 6, 1};
  const Verdict v = check_resident_id(in, today);
  fuzz::check_verdict(v, ErrorCode::IdNumberInvalid);
  const auto parsed = parse_resident_id(in, today);
  FUZZ_CHECK(v.ok() == parsed.has_value());

  const char c = resident_id_check_char(in.substr(0, 17));
  FUZZ_CHECK(c == '?' || c == 'X' || fuzz::is_digit(c));

  if (parsed) {
    FUZZ_CHECK(in.size() == 18);
    FUZZ_CHECK(parsed->number.size() == 18);
    FUZZ_CHECK(parsed->number.substr(0, 17) == in.substr(0, 17));
    FUZZ_CHECK(parsed->number[17] == c);
    FUZZ_CHECK(parsed->region == in.substr(0, 6));
    FUZZ_CHECK(parsed->birth_date <= today);
    FUZZ_CHECK(parsed->birth_date.year >= 1800);
    FUZZ_CHECK(is_valid_date(parsed->birth_date.year, parsed->birth_date.month,
                             parsed->birth_date.day));
    FUZZ_CHECK((parsed->gender == Gender::Male) == ((in[16] - '0') % 2 == 1));
    // The normalised number is itself valid, and so is the one with a lower-case x.
    FUZZ_CHECK(check_resident_id(parsed->number, today).ok());
    if (parsed->number[17] == 'X') {
      std::string lower = parsed->number;
      lower[17] = 'x';
      FUZZ_CHECK(check_resident_id(lower, today).ok());
    }
    // A later "today" never makes a valid number invalid.
    FUZZ_CHECK(check_resident_id(in, Date{2100, 1, 1}).ok());
  } else if (in.size() == 18 && v.detail == ErrorCode::IdNumberCheckDigit) {
    // Replacing the check character with the computed one repairs it.
    std::string fixed(in);
    fixed[17] = c;
    FUZZ_CHECK(check_resident_id(fixed, today).ok());
  }
  return 0;
}
