// USCC (GB 32100-2015) with its embedded GB 11714 organisation code.
#include <string>

#include "fuzz_util.h"
#include "ids/uscc.h"

using namespace uia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = fuzz::as_text(data, size);
  const Verdict v = check_uscc(in);
  fuzz::check_verdict(v, ErrorCode::UsccInvalid);

  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const char c = uscc_check_char(in.substr(0, 17));
  FUZZ_CHECK(c == '?' || kAlphabet.find(c) != std::string_view::npos);
  const char o = org_code_check_char(in.substr(0, 8));
  FUZZ_CHECK(o == '?' || o == 'X' || fuzz::is_digit(o));

  if (v.ok()) {
    FUZZ_CHECK(in.size() == 18);
    for (char ch : in) FUZZ_CHECK(kAlphabet.find(ch) != std::string_view::npos);
    FUZZ_CHECK(uscc_check_char(in.substr(0, 17)) == in[17]);
    FUZZ_CHECK(org_code_check_char(in.substr(8, 8)) == in[16]);
  } else if (v.detail == ErrorCode::UsccCheckDigit) {
    std::string fixed(in);
    fixed[17] = c;
    FUZZ_CHECK(check_uscc(fixed).ok());
  }
  return 0;
}
