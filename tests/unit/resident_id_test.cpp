#include <gtest/gtest.h>

#include <string>

#include "ids/resident_id.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

constexpr Date kToday{2024, 6, 1};

// 17 digits + the computed check character.
std::string with_check(const std::string& first17) {
  return first17 + resident_id_check_char(first17);
}

TEST(ResidentId, PublishedExamples) {
  // GB 11643-1999 worked examples.
  EXPECT_TRUE(check_resident_id("11010519491231002X", kToday).ok());
  EXPECT_TRUE(check_resident_id("440524188001010014", kToday).ok());
  EXPECT_EQ(resident_id_check_char("11010519491231002"), 'X');
  EXPECT_EQ(resident_id_check_char("44052418800101001"), '4');
}

TEST(ResidentId, ParsePublishedExamples) {
  const auto a = parse_resident_id("11010519491231002X", kToday);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->number, "11010519491231002X");
  EXPECT_EQ(a->region, "110105");
  EXPECT_EQ(a->birth_date, (Date{1949, 12, 31}));
  EXPECT_EQ(a->gender, Gender::Female);

  const auto b = parse_resident_id("440524188001010014", kToday);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->region, "440524");
  EXPECT_EQ(b->birth_date, (Date{1880, 1, 1}));
  EXPECT_EQ(b->gender, Gender::Male);
}

TEST(ResidentId, LowerCaseXAcceptedAndNormalised) {
  EXPECT_TRUE(check_resident_id("11010519491231002x", kToday).ok());
  const auto id = parse_resident_id("11010519491231002x", kToday);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->number, "11010519491231002X");
}

TEST(ResidentId, WrongCheckCharacter) {
  const Verdict v = check_resident_id("110105194912310029", kToday);
  EXPECT_EQ(v.code, ErrorCode::IdNumberInvalid);
  EXPECT_EQ(v.detail, ErrorCode::IdNumberCheckDigit);
  EXPECT_FALSE(parse_resident_id("110105194912310029", kToday));
  EXPECT_EQ(detail_name(check_resident_id("440524188001010013", kToday)), "ID_NUMBER_CHECK_DIGIT");
  EXPECT_EQ(detail_name(check_resident_id("44052418800101001X", kToday)), "ID_NUMBER_CHECK_DIGIT");
}

TEST(ResidentId, EveryWrongCheckCharacterIsRejected) {
  const std::string first17 = "32010619851023451";
  const char good = resident_id_check_char(first17);
  for (char c : std::string("0123456789X")) {
    const Verdict v = check_resident_id(first17 + c, kToday);
    if (c == good)
      EXPECT_TRUE(v.ok());
    else
      EXPECT_EQ(v.detail, ErrorCode::IdNumberCheckDigit) << c;
  }
}

TEST(ResidentId, AnySingleDigitChangeIsDetected) {
  // MOD 11-2 detects every single substitution: change each of the 17 digits to each other
  // digit, keep the old check character, and the number must fail.
  const std::string valid = "11010519491231002X";
  for (std::size_t pos = 0; pos < 17; ++pos) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == valid[pos]) continue;
      std::string changed = valid;
      changed[pos] = d;
      EXPECT_FALSE(check_resident_id(changed, kToday).ok()) << changed;
    }
  }
}

TEST(ResidentId, GeneratedNumbersPass) {
  // Numbers with computed check characters over many regions, dates and sequences; also makes
  // sure every one of the 11 check characters occurs.
  std::string seen;
  for (const char* region : {"110101", "310104", "440305", "650102", "810000", "820000", "830000",
                             "710000", "532901"}) {
    for (int seq = 0; seq < 40; ++seq) {
      char tail[4];
      tail[0] = static_cast<char>('0' + seq / 10 % 10);
      tail[1] = static_cast<char>('0' + seq % 10);
      tail[2] = static_cast<char>('0' + (seq * 7) % 10);
      tail[3] = 0;
      const std::string number = with_check(std::string(region) + "19900228" + tail);
      EXPECT_TRUE(check_resident_id(number, kToday).ok()) << number;
      if (seen.find(number[17]) == std::string::npos) seen += number[17];
      const auto parsed = parse_resident_id(number, kToday);
      ASSERT_TRUE(parsed);
      EXPECT_EQ(parsed->gender, (tail[2] - '0') % 2 ? Gender::Male : Gender::Female);
    }
  }
  EXPECT_EQ(seen.size(), 11u) << seen;
}

TEST(ResidentId, CheckCharOfInvalidInput) {
  EXPECT_EQ(resident_id_check_char(""), '?');
  EXPECT_EQ(resident_id_check_char("1101051949123100"), '?');
  EXPECT_EQ(resident_id_check_char("110105194912310021"), '?');
  EXPECT_EQ(resident_id_check_char("1101051949123100A"), '?');
}

TEST(ResidentId, Empty) {
  const Verdict v = check_resident_id("", kToday);
  EXPECT_EQ(v.code, ErrorCode::IdNumberInvalid);
  EXPECT_EQ(v.detail, ErrorCode::IdNumberEmpty);
}

TEST(ResidentId, Length) {
  for (const char* s : {"1", "11010519491231002", "11010519491231002X1", "110105491231002",
                        "11010519491231002XX"}) {
    const Verdict v = check_resident_id(s, kToday);
    EXPECT_EQ(v.code, ErrorCode::IdNumberInvalid) << s;
    EXPECT_EQ(v.detail, ErrorCode::IdNumberLength) << s;
  }
}

TEST(ResidentId, Characters) {
  for (const char* s : {" 1010519491231002X", "11010519491231002 ", "1101051949123100X2",
                        "11010519491231002Y", "A1010519491231002X", "110105-9491231002X",
                        "11010519491231002\n"}) {
    EXPECT_EQ(detail_name(check_resident_id(s, kToday)), "ID_NUMBER_CHARACTERS") << s;
  }
  // Surrounding spaces are never trimmed.
  EXPECT_FALSE(check_resident_id(" 11010519491231002X", kToday).ok());
  EXPECT_FALSE(check_resident_id("11010519491231002X ", kToday).ok());
  // Full-width digits are not digits.
  EXPECT_FALSE(check_resident_id("１１０１０５１９４９１２３１００２X", kToday).ok());
}

TEST(ResidentId, Region) {
  for (const char* region : {"000000", "100000", "160000", "240000", "380000", "470000", "550000",
                             "660000", "700000", "720000", "800000", "840000", "900000", "910000",
                             "990000"}) {
    const std::string number = with_check(std::string(region) + "19900101123");
    EXPECT_EQ(detail_name(check_resident_id(number, kToday)), "ID_NUMBER_REGION") << number;
  }
  // Every real province-level code, and the HK / Macao / Taiwan residence-permit codes.
  for (int p : {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
                46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}) {
    const std::string number = with_check(std::to_string(p) + "0000" + "19900101123");
    EXPECT_TRUE(check_resident_id(number, kToday).ok()) << number;
  }
}

TEST(ResidentId, BirthDate) {
  const auto verdict_for = [](const std::string& date, Date today = kToday) {
    return check_resident_id(with_check("110105" + date + "123"), today);
  };
  EXPECT_EQ(detail_name(verdict_for("19990229")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("20000230")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("19001301")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("19900001")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("19900100")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("19000229")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("21000101")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("17991231")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_EQ(detail_name(verdict_for("00000000")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_TRUE(verdict_for("18000101").ok());
  EXPECT_TRUE(verdict_for("20000229").ok());
  EXPECT_TRUE(verdict_for("19960229").ok());
  // Relative to today: born today is fine, tomorrow is not.
  EXPECT_TRUE(verdict_for("20240601").ok());
  EXPECT_EQ(detail_name(verdict_for("20240602")), "ID_NUMBER_BIRTH_DATE");
  EXPECT_TRUE(verdict_for("20240602", Date{2024, 6, 2}).ok());
}

TEST(ResidentId, CheckOrder) {
  // Characters before region, region before date, date before check.
  EXPECT_EQ(detail_name(check_resident_id("00010519990229002A", kToday)), "ID_NUMBER_CHARACTERS");
  EXPECT_EQ(detail_name(check_resident_id("000105199902290021", kToday)), "ID_NUMBER_REGION");
  EXPECT_EQ(detail_name(check_resident_id("110105199902290021", kToday)), "ID_NUMBER_BIRTH_DATE");
}

}  // namespace
}  // namespace uia
