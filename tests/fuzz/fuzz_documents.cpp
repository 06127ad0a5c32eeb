// HK/Macao and Taiwan permits, passports, foreign permanent residence IDs.
#include <string>

#include "fuzz_util.h"
#include "ids/documents.h"
#include "ids/resident_id.h"

using namespace uia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = fuzz::as_text(data, size);
  const Date today{2024, 6, 1};

  const Verdict hk = check_hk_macau_permit(in);
  fuzz::check_verdict(hk, ErrorCode::HkMacauPermitInvalid);
  if (hk.ok()) {
    FUZZ_CHECK(in.size() == 9 || in.size() == 11);
    FUZZ_CHECK(in[0] == 'H' || in[0] == 'M');
  }

  const Verdict tw = check_taiwan_permit(in);
  fuzz::check_verdict(tw, ErrorCode::TaiwanPermitInvalid);
  if (tw.ok()) {
    FUZZ_CHECK(in.size() == 8 || in.size() == 10);
    for (char c : in) FUZZ_CHECK(fuzz::is_digit(c));
  }

  const Verdict pp = check_passport(in);
  fuzz::check_verdict(pp, ErrorCode::PassportInvalid);
  if (is_chinese_passport(in)) FUZZ_CHECK(pp.ok());
  if (pp.ok()) {
    FUZZ_CHECK(in.size() >= 5 && in.size() <= 17);
    bool digit = false;
    for (char c : in) {
      FUZZ_CHECK(fuzz::is_digit(c) || fuzz::is_upper(c));
      digit = digit || fuzz::is_digit(c);
    }
    FUZZ_CHECK(digit);
  }

  const Verdict fp = check_foreign_permanent_id(in, today);
  fuzz::check_verdict(fp, ErrorCode::ForeignPermanentIdInvalid);
  if (fp.ok()) {
    FUZZ_CHECK(in.size() == 15 || in.size() == 18);
    if (in.size() == 18) {
      FUZZ_CHECK(in[0] == '9');
      const char c = resident_id_check_char(in.substr(0, 17));
      FUZZ_CHECK(c == in[17] || (c == 'X' && in[17] == 'x'));
    } else {
      FUZZ_CHECK(fuzz::is_upper(in[0]) && fuzz::is_upper(in[1]) && fuzz::is_upper(in[2]));
    }
    // Never a resident ID (those start with 1-8).
    FUZZ_CHECK(!check_resident_id(in, today).ok());
  }
  return 0;
}
