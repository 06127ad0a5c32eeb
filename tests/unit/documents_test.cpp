#include <gtest/gtest.h>

#include <string>

#include "ids/documents.h"
#include "ids/resident_id.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

constexpr Date kToday{2024, 6, 1};

TEST(HkMacauPermit, Valid) {
  for (const char* s : {"H12345678", "M12345678", "H1234567801", "M0000000000"})
    EXPECT_TRUE(check_hk_macau_permit(s).ok()) << s;
}

TEST(HkMacauPermit, Invalid) {
  const Verdict empty = check_hk_macau_permit("");
  EXPECT_EQ(empty.code, ErrorCode::HkMacauPermitInvalid);
  EXPECT_EQ(empty.detail, ErrorCode::DocumentNumberEmpty);
  for (const char* s : {"h12345678", "m1234567801", "H1234567", "H123456789", "H123456789012",
                        "C12345678", "12345678", "HH1234567", "H1234567A", " H12345678",
                        "H12345678 ", "H"}) {
    const Verdict v = check_hk_macau_permit(s);
    EXPECT_EQ(v.code, ErrorCode::HkMacauPermitInvalid) << s;
    EXPECT_EQ(v.detail, ErrorCode::DocumentNumberFormat) << s;
  }
}

TEST(TaiwanPermit, Valid) {
  for (const char* s : {"12345678", "1234567801", "00000000"})
    EXPECT_TRUE(check_taiwan_permit(s).ok()) << s;
}

TEST(TaiwanPermit, Invalid) {
  EXPECT_EQ(detail_name(check_taiwan_permit("")), "DOCUMENT_NUMBER_EMPTY");
  EXPECT_EQ(check_taiwan_permit("").code, ErrorCode::TaiwanPermitInvalid);
  for (const char* s : {"1234567", "123456789", "12345678901", "1234567A", "T12345678",
                        "12345678 ", "A123456789(B)"}) {
    const Verdict v = check_taiwan_permit(s);
    EXPECT_EQ(v.code, ErrorCode::TaiwanPermitInvalid) << s;
    EXPECT_EQ(v.detail, ErrorCode::DocumentNumberFormat) << s;
  }
}

TEST(Passport, ChineseForms) {
  for (const char* s : {"E12345678", "EA1234567", "EZ1234567", "G12345678", "D12345678",
                        "S12345678", "P12345678", "G1234567", "D1234567", "SE1234567", "PE1234567",
                        "GE1234567"}) {
    EXPECT_TRUE(is_chinese_passport(s)) << s;
    EXPECT_TRUE(check_passport(s).ok()) << s;
  }
  for (const char* s : {"EI1234567", "EO1234567", "E1234567", "X12345678", "G123456789",
                        "e12345678", "GA1234567", "E123456789"}) {
    EXPECT_FALSE(is_chinese_passport(s)) << s;
  }
}

TEST(Passport, ForeignForms) {
  for (const char* s : {"123456789", "X1234567", "AB12345", "A1234", "C01X00T47", "L898902C3",
                        "12345678901234567", "EI1234567"}) {
    EXPECT_TRUE(check_passport(s).ok()) << s;
  }
}

TEST(Passport, Invalid) {
  EXPECT_EQ(detail_name(check_passport("")), "DOCUMENT_NUMBER_EMPTY");
  EXPECT_EQ(check_passport("").code, ErrorCode::PassportInvalid);
  for (const char* s : {"A123", "123456789012345678", "ABCDEFGH", "e12345678", "g1234567",
                        "E1234 678", " E12345678", "E12345678-", "E12345678\n", "护照1234567"}) {
    const Verdict v = check_passport(s);
    EXPECT_EQ(v.code, ErrorCode::PassportInvalid) << s;
    EXPECT_EQ(v.detail, ErrorCode::DocumentNumberFormat) << s;
  }
}

// 2023 format: '9' + province + nationality + YYYYMMDD + 3-digit sequence + check.
std::string new_foreign_id(const std::string& province, const std::string& nationality,
                           const std::string& birth, const std::string& seq) {
  const std::string first17 = "9" + province + nationality + birth + seq;
  return first17 + resident_id_check_char(first17);
}

TEST(ForeignPermanentId, NewFormatValid) {
  for (const char* nat : {"840", "826", "250", "276", "392", "410", "643", "036", "004"}) {
    for (const char* prov : {"11", "31", "44", "65"}) {
      const std::string id = new_foreign_id(prov, nat, "19800101", "123");
      EXPECT_TRUE(check_foreign_permanent_id(id, kToday).ok()) << id;
    }
  }
}

TEST(ForeignPermanentId, NewFormatCheckCharacter) {
  const std::string valid = new_foreign_id("31", "840", "19850615", "051");
  for (char c : std::string("0123456789X")) {
    std::string s = valid;
    s[17] = c;
    const Verdict v = check_foreign_permanent_id(s, kToday);
    if (c == valid[17]) {
      EXPECT_TRUE(v.ok());
    } else {
      EXPECT_EQ(v.code, ErrorCode::ForeignPermanentIdInvalid);
      EXPECT_EQ(v.detail, ErrorCode::DocumentCheckDigit) << s;
    }
  }
  // Every single-digit change in the body is detected.
  for (std::size_t pos = 0; pos < 17; ++pos) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == valid[pos]) continue;
      std::string s = valid;
      s[pos] = d;
      EXPECT_FALSE(check_foreign_permanent_id(s, kToday).ok()) << s;
    }
  }
}

TEST(ForeignPermanentId, NewFormatXCheck) {
  // Find a number whose check character is X; lower-case x is accepted like the resident ID.
  for (int seq = 0; seq < 1000; ++seq) {
    char buf[4] = {static_cast<char>('0' + seq / 100), static_cast<char>('0' + seq / 10 % 10),
                   static_cast<char>('0' + seq % 10), 0};
    const std::string id = new_foreign_id("11", "840", "19900101", buf);
    if (id[17] != 'X') continue;
    EXPECT_TRUE(check_foreign_permanent_id(id, kToday).ok());
    std::string lower = id;
    lower[17] = 'x';
    EXPECT_TRUE(check_foreign_permanent_id(lower, kToday).ok());
    return;
  }
  FAIL() << "no X check character found";
}

TEST(ForeignPermanentId, NewFormatInvalid) {
  const auto detail = [](const std::string& s) {
    return detail_name(check_foreign_permanent_id(s, kToday));
  };
  // A resident ID is not a foreign permanent ID.
  EXPECT_EQ(detail("11010519491231002X"), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail(new_foreign_id("99", "840", "19800101", "123")), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail(new_foreign_id("83", "840", "19800101", "123")), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail(new_foreign_id("11", "000", "19800101", "123")), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail(new_foreign_id("11", "840", "19990229", "123")), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail(new_foreign_id("11", "840", "20000230", "123")), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail(new_foreign_id("11", "840", "21000101", "123")), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail(new_foreign_id("11", "840", "20240602", "123")), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_TRUE(check_foreign_permanent_id(new_foreign_id("11", "840", "20240601", "123"), kToday).ok());
  EXPECT_EQ(detail("9118401980010112A"), "DOCUMENT_NUMBER_FORMAT");  // 17 chars
  EXPECT_EQ(detail("91184019800101123A"), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail("9118401980010112X3"), "DOCUMENT_NUMBER_FORMAT");
}

TEST(ForeignPermanentId, OldFormat) {
  // 3 letters + 12 digits; structure only (see ids/documents.h).
  EXPECT_TRUE(check_foreign_permanent_id("USA110801011230", kToday).ok());
  EXPECT_TRUE(check_foreign_permanent_id("GBR316503150111", kToday).ok());
  // Birth date at digits 8-13 (the other published layout): 4-digit area 4401 + 000101.
  EXPECT_TRUE(check_foreign_permanent_id("JPN440100010112", kToday).ok());
  const auto detail = [](const char* s) {
    return detail_name(check_foreign_permanent_id(s, kToday));
  };
  EXPECT_EQ(detail("usa110801011230"), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail("US1110801011230"), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail("USA11080101123X"), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail("USA990801011230"), "DOCUMENT_NUMBER_FORMAT");
  EXPECT_EQ(detail("USA119999999990"), "DOCUMENT_NUMBER_FORMAT");  // no date at either place
  EXPECT_EQ(detail("USA11080101123"), "DOCUMENT_NUMBER_FORMAT");   // 14
  EXPECT_EQ(detail("USA1108010112301"), "DOCUMENT_NUMBER_FORMAT");  // 16
  EXPECT_EQ(detail(""), "DOCUMENT_NUMBER_EMPTY");
  EXPECT_EQ(check_foreign_permanent_id("", kToday).code, ErrorCode::ForeignPermanentIdInvalid);
}

}  // namespace
}  // namespace uia
