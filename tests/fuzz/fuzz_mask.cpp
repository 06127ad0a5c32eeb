// Masking: never crashes, output always valid UTF-8, keeps the character count of valid input,
// and never grows beyond the documented bound.
#include <string>

#include "fuzz_util.h"
#include "privacy/mask.h"

using namespace uia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = fuzz::as_text(data, size);
  const bool valid = fuzz::is_valid_utf8(in);

  for (const std::string& out : {mask_phone(in), mask_id_number(in), mask_name(in)}) {
    FUZZ_CHECK(fuzz::is_valid_utf8(out));
    FUZZ_CHECK(out.size() <= in.size());
    if (valid) FUZZ_CHECK(fuzz::utf8_length(out) == fuzz::utf8_length(in));
    if (!in.empty()) FUZZ_CHECK(!out.empty());
  }

  const std::string email = mask_email(in);
  FUZZ_CHECK(fuzz::is_valid_utf8(email));
  FUZZ_CHECK(email.size() <= in.size() + 3);
  if (in.find('@') != std::string_view::npos) {
    // The domain is kept as it is (for valid input).
    const std::string_view domain = in.substr(in.rfind('@'));
    if (valid) FUZZ_CHECK(std::string_view(email).substr(email.size() - domain.size()) == domain);
  }

  // The masked middle of an 18-character ASCII number never shows a digit.
  if (in.size() == 18 && valid && fuzz::utf8_length(in) == 18) {
    const std::string id = mask_id_number(in);
    for (std::size_t i = 6; i < 14; ++i) FUZZ_CHECK(id[i] == '*');
  }
  // The masked middle of an 11-character ASCII phone number never shows a digit.
  if (in.size() == 11 && valid && fuzz::utf8_length(in) == 11) {
    const std::string ph = mask_phone(in);
    for (std::size_t i = 3; i < 7; ++i) FUZZ_CHECK(ph[i] == '*');
  }
  return 0;
}
