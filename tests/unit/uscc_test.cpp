#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "ids/uscc.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// authority + type + region (8 chars) and an 8-character organisation body -> full code with
// both check characters computed.
std::string build(const std::string& head8, const std::string& body8) {
  std::string first17 = head8 + body8 + org_code_check_char(body8);
  return first17 + uscc_check_char(first17);
}

TEST(Uscc, PublishedCodes) {
  // GB 32100-2015's own example, and codes of well-known companies (each verified against both
  // the GB 11714 and the MOD 31 check by this implementation before being written here).
  for (const char* code : {"91350100M000100Y43", "91110108551385082Q", "914403001922038216",
                           "91440300708461136T", "9144030071526726XG", "91330100799655058B",
                           "91110000802100433B"}) {
    EXPECT_TRUE(check_uscc(code).ok()) << code << " " << detail_name(check_uscc(code));
  }
}

TEST(Uscc, CheckCharacters) {
  EXPECT_EQ(uscc_check_char("91350100M000100Y4"), '3');
  EXPECT_EQ(org_code_check_char("M000100Y"), '4');
  // GB 11714-1997's example organisation code D2143569-X.
  EXPECT_EQ(org_code_check_char("D2143569"), 'X');
  EXPECT_EQ(org_code_check_char("71526726"), 'X');
  EXPECT_EQ(uscc_check_char("9135010"), '?');
  EXPECT_EQ(uscc_check_char("91350100M000100I4"), '?');
  EXPECT_EQ(uscc_check_char("91350100m000100Y4"), '?');
  EXPECT_EQ(org_code_check_char("M000100"), '?');
  EXPECT_EQ(org_code_check_char("M000100-"), '?');
}

TEST(Uscc, OrgCodeCheckValues) {
  // c = 11 - sum % 11, 10 -> X, 11 -> 0: find bodies hitting each case.
  bool saw_x = false, saw_zero = false;
  for (int i = 0; i < 200; ++i) {
    std::string body = "0000000" + std::string(1, kAlphabet[static_cast<std::size_t>(i % 31)]);
    body[5] = static_cast<char>('0' + i / 31);
    const char c = org_code_check_char(body);
    saw_x = saw_x || c == 'X';
    saw_zero = saw_zero || c == '0';
  }
  EXPECT_TRUE(saw_x);
  EXPECT_TRUE(saw_zero);
  EXPECT_EQ(org_code_check_char("00000000"), '0');
}

TEST(Uscc, EverySingleSubstitutionIsDetected) {
  const std::string valid = "91350100M000100Y43";
  for (std::size_t pos = 0; pos < 18; ++pos) {
    for (char c : kAlphabet) {
      if (c == valid[pos]) continue;
      std::string changed = valid;
      changed[pos] = c;
      EXPECT_FALSE(check_uscc(changed).ok()) << changed;
    }
  }
}

TEST(Uscc, WrongCheckCharacter) {
  const Verdict v = check_uscc("91350100M000100Y44");
  EXPECT_EQ(v.code, ErrorCode::UsccInvalid);
  EXPECT_EQ(v.detail, ErrorCode::UsccCheckDigit);
}

TEST(Uscc, WrongOrgCodeCheck) {
  // Change the organisation code's check and recompute the MOD 31 check: only GB 11714 fails.
  std::string first17 = "91350100M000100Y5";
  const std::string code = first17 + uscc_check_char(first17);
  EXPECT_EQ(detail_name(check_uscc(code)), "USCC_ORG_CODE");
  // A letter other than X in the organisation check position.
  first17 = "91350100M000100YA";
  EXPECT_EQ(detail_name(check_uscc(first17 + uscc_check_char(first17))), "USCC_ORG_CODE");
}

TEST(Uscc, EmptyAndLength) {
  EXPECT_EQ(detail_name(check_uscc("")), "USCC_EMPTY");
  EXPECT_EQ(check_uscc("").code, ErrorCode::UsccInvalid);
  EXPECT_EQ(detail_name(check_uscc("91350100M000100Y4")), "USCC_LENGTH");
  EXPECT_EQ(detail_name(check_uscc("91350100M000100Y433")), "USCC_LENGTH");
  EXPECT_EQ(detail_name(check_uscc("M000100Y4")), "USCC_LENGTH");
}

TEST(Uscc, ForbiddenCharacters) {
  const std::string valid = "91350100M000100Y43";
  for (char bad : std::string("IOZSVios ")) {
    for (std::size_t pos : {0u, 1u, 5u, 8u, 12u, 16u, 17u}) {
      std::string s = valid;
      s[pos] = bad;
      EXPECT_EQ(detail_name(check_uscc(s)), "USCC_CHARACTERS") << s;
    }
  }
  // Lower case is rejected, not folded.
  EXPECT_EQ(detail_name(check_uscc("91350100m000100y43")), "USCC_CHARACTERS");
  EXPECT_EQ(detail_name(check_uscc(" 91350100M000100Y4")), "USCC_CHARACTERS");
  EXPECT_EQ(detail_name(check_uscc("91350100M000100Y4-")), "USCC_CHARACTERS");
}

TEST(Uscc, AuthorityAndTypeTable) {
  // GB 32100-2015 Appendix A (with A and N): every legal pair passes with computed checks ...
  const char* legal[] = {"11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39",
                         "41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79",
                         "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"};
  for (const char* pair : legal) {
    const std::string code = build(std::string(pair) + "110108", "55138508");
    EXPECT_TRUE(check_uscc(code).ok()) << code;
  }
  // ... and every other pair over the alphabet is an authority error.
  for (char a : kAlphabet) {
    for (char t : kAlphabet) {
      const std::string pair{a, t};
      bool is_legal = false;
      for (const char* l : legal) is_legal = is_legal || pair == l;
      if (is_legal) continue;
      const std::string code = build(pair + "110108", "55138508");
      EXPECT_EQ(detail_name(check_uscc(code)), "USCC_AUTHORITY") << code;
    }
  }
}

TEST(Uscc, Region) {
  for (const char* region : {"000000", "990000", "160000", "830000", "900000", "10000A",
                             "A10000", "100001"}) {
    const std::string code = build(std::string("91") + region, "55138508");
    EXPECT_EQ(detail_name(check_uscc(code)), "USCC_REGION") << code;
  }
  for (const char* region : {"100000", "110000", "110108", "350100", "440300", "650102",
                             "810000", "820000"}) {
    const std::string code = build(std::string("91") + region, "55138508");
    EXPECT_TRUE(check_uscc(code).ok()) << code;
  }
}

TEST(Uscc, GeneratedCodesOverTheWholeAlphabet) {
  // Bodies built from every alphabet character, including letters, all pass.
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    std::string body;
    for (std::size_t k = 0; k < 8; ++k) body += kAlphabet[(i + k * 7) % kAlphabet.size()];
    const std::string code = build("52440300", body);
    EXPECT_TRUE(check_uscc(code).ok()) << code;
  }
}

}  // namespace
}  // namespace uia
