#include <gtest/gtest.h>

#include <string>

#include "privacy/mask.h"
#include "test_util.h"

namespace uia {
namespace {

using test::is_valid_utf8;
using test::utf8_length;

TEST(Mask, Phone) {
  EXPECT_EQ(mask_phone("15012340058"), "150****0058");
  EXPECT_EQ(mask_phone("13800138000"), "138****8000");
  EXPECT_EQ(mask_phone("010-12345678"), "01********78");
  EXPECT_EQ(mask_phone("12345"), "12*45");
  EXPECT_EQ(mask_phone("1234"), "****");
  EXPECT_EQ(mask_phone("1"), "*");
  EXPECT_EQ(mask_phone(""), "");
}

TEST(Mask, IdNumber) {
  EXPECT_EQ(mask_id_number("11010519491231002X"), "110105********002X");
  EXPECT_EQ(mask_id_number("440524188001010014"), "440524********0014");
  EXPECT_EQ(mask_id_number("110105491231002"), "1101********002");
  EXPECT_EQ(mask_id_number("E12345678"), "E******78");
  EXPECT_EQ(mask_id_number("H1234567801"), "H********01");
  EXPECT_EQ(mask_id_number("12345678"), "1*****78");
  EXPECT_EQ(mask_id_number("USA110801011230"), "USA1********230");
  EXPECT_EQ(mask_id_number("A1234"), "A***4");
  EXPECT_EQ(mask_id_number("AB12345"), "A*****5");
  EXPECT_EQ(mask_id_number("1234"), "****");
  EXPECT_EQ(mask_id_number(""), "");
  EXPECT_EQ(mask_id_number("123456789012"), "123******012");
  EXPECT_EQ(mask_id_number("12345678901234567"), "123***********567");
}

TEST(Mask, IdNumberNeverShowsMoreThanHalfExceptResidentId) {
  for (std::size_t n = 1; n <= 40; ++n) {
    const std::string masked = mask_id_number(std::string(n, '7'));
    ASSERT_EQ(masked.size(), n);
    std::size_t shown = 0;
    for (char c : masked) shown += c == '7';
    if (n == 18)
      EXPECT_EQ(shown, 10u);
    else
      EXPECT_LE(shown * 2, n) << n;
  }
}

TEST(Mask, ChineseNames) {
  EXPECT_EQ(mask_name("陈"), "*");
  EXPECT_EQ(mask_name("陈静"), "陈*");
  EXPECT_EQ(mask_name("张三丰"), "张**");
  EXPECT_EQ(mask_name("欧阳娜娜"), "欧阳**");
  EXPECT_EQ(mask_name("司马相如"), "司马**");
  EXPECT_EQ(mask_name("迪丽热巴·迪力木拉提"), "迪丽********");
  EXPECT_EQ(mask_name(""), "");
}

TEST(Mask, LatinNames) {
  EXPECT_EQ(mask_name("John Smith"), "J*** S****");
  EXPECT_EQ(mask_name("Anna Maria Lopez"), "A*** M**** L****");
  EXPECT_EQ(mask_name("Li  Wei"), "L*  W**");
  EXPECT_EQ(mask_name("Madonna"), "Ma*****");
  EXPECT_EQ(mask_name(" "), "*");
}

TEST(Mask, Email) {
  EXPECT_EQ(mask_email("zhangsan@example.com"), "z***@example.com");
  EXPECT_EQ(mask_email("a@b.co"), "a***@b.co");
  EXPECT_EQ(mask_email("@b.co"), "***@b.co");
  EXPECT_EQ(mask_email("陈静@例子.cn"), "陈***@例子.cn");
  EXPECT_EQ(mask_email("a@b@c.com"), "a***@c.com");
  EXPECT_EQ(mask_email("notanemail"), "no******il");
}

TEST(Mask, InvalidUtf8NeverLeaksAndOutputIsValid) {
  const std::string inputs[] = {
      std::string("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5"),
      std::string("\xe9\x99"),               // truncated 陈
      std::string("\xc0\xaf" "abc"),         // overlong '/'
      std::string("\xed\xa0\x80" "abcdef"),  // surrogate
      std::string("\xf4\x90\x80\x80" "xyz"), // above U+10FFFF
      std::string("a\x80" "b\x80" "c"),
  };
  for (const std::string& in : inputs) {
    for (const std::string& out : {mask_phone(in), mask_id_number(in), mask_name(in), mask_email(in),
                                   mask_email(in + "@" + in)}) {
      EXPECT_TRUE(is_valid_utf8(out)) << out;
    }
  }
  EXPECT_EQ(mask_name("\xff\xfe"), "**");
  EXPECT_EQ(mask_phone("\xff" "5012340058"), "*50****0058");
}

TEST(Mask, CharacterCountIsPreserved) {
  for (const char* s : {"15012340058", "张三丰", "欧阳娜娜", "John Smith", "11010519491231002X",
                        "陈", "𠀀𠀁𠀂𠀃𠀄"}) {
    EXPECT_EQ(utf8_length(mask_phone(s)), utf8_length(s)) << s;
    EXPECT_EQ(utf8_length(mask_id_number(s)), utf8_length(s)) << s;
    EXPECT_EQ(utf8_length(mask_name(s)), utf8_length(s)) << s;
    EXPECT_TRUE(is_valid_utf8(mask_name(s)));
  }
  EXPECT_EQ(mask_name("𠀀𠀁𠀂𠀃𠀄"), "𠀀𠀁***");
}

}  // namespace
}  // namespace uia
