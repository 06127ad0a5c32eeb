#include <gtest/gtest.h>

#include <string>

#include "policy/contact.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

TEST(Phone, Valid) {
  for (const char* s : {"15012340058", "13800138000", "14712345678", "16612345678", "17012345678",
                        "18912345678", "19912345678"})
    EXPECT_TRUE(check_phone(s).ok()) << s;
}

TEST(Phone, Invalid) {
  const Verdict empty = check_phone("");
  EXPECT_EQ(empty.code, ErrorCode::PhoneInvalid);
  EXPECT_EQ(empty.detail, ErrorCode::PhoneEmpty);
  for (const char* s : {"12012340058", "11012340058", "10012340058", "25012340058", "1501234005",
                        "150123400581", "150 1234 0058", "+8615012340058", "8615012340058",
                        "1501234005a", " 15012340058", "15012340058 ", "１５０１２３４００５８"}) {
    const Verdict v = check_phone(s);
    EXPECT_EQ(v.code, ErrorCode::PhoneInvalid) << s;
    EXPECT_EQ(v.detail, ErrorCode::PhoneInvalid) << s;
  }
}

TEST(Phone, Normalize) {
  EXPECT_EQ(normalize_phone("+86 150-1234-0058"), "15012340058");
  EXPECT_EQ(normalize_phone("8615012340058"), "15012340058");
  EXPECT_EQ(normalize_phone("008615012340058"), "15012340058");
  EXPECT_EQ(normalize_phone("150 1234 0058"), "15012340058");
  EXPECT_EQ(normalize_phone("15012340058"), "15012340058");
  EXPECT_EQ(normalize_phone("86123"), "86123");
  EXPECT_EQ(normalize_phone("86150123400581"), "86150123400581");
  EXPECT_EQ(normalize_phone(""), "");
  EXPECT_TRUE(check_phone(normalize_phone("+86 150 1234 0058")).ok());
}

TEST(Email, Valid) {
  for (const char* s : {"a@b.co", "zhang.san@example.com", "user+tag@mail.example.cn",
                        "x_y%z-w@sub-domain.example.org", "UPPER@EXAMPLE.COM", "1@163.com",
                        "a@xn--fiqs8s.cn", "a@b-c.d-e.museum"})
    EXPECT_TRUE(check_email(s).ok()) << s;
}

TEST(Email, Invalid) {
  for (const char* s : {"", "plainaddress", "@example.com", "a@", "a@b", "a@b.c", "a@b.c1",
                        "a@b.123", ".a@b.com", "a.@b.com", "a..b@c.com", "a@-b.com", "a@b-.com",
                        "a@b..com", "a@.b.com", "a@b.com.", "a@@b.com", "a@b@c.com", "a b@c.com",
                        "张三@example.com", "a@例子.cn", "a@b_c.com", "a(b)@c.com", "a@b.com ",
                        " a@b.com", "a\"b@c.com"}) {
    const Verdict v = check_email(s);
    EXPECT_EQ(v.code, ErrorCode::EmailInvalid) << s;
    EXPECT_EQ(v.detail, ErrorCode::EmailInvalid) << s;
  }
}

TEST(Email, Lengths) {
  const std::string local64(64, 'a');
  EXPECT_TRUE(check_email(local64 + "@example.com").ok());
  EXPECT_FALSE(check_email(local64 + "a@example.com").ok());
  const std::string label63(63, 'b');
  EXPECT_TRUE(check_email("a@" + label63 + ".com").ok());
  EXPECT_FALSE(check_email("a@" + label63 + "b.com").ok());
  // Total length 254 passes, 255 does not.
  std::string domain = label63 + "." + label63 + "." + label63 + ".";  // 192 chars
  std::string local(254 - 1 - static_cast<int>(domain.size()) - 3, 'c');
  std::string email = local + "@" + domain + "com";
  ASSERT_EQ(email.size(), 254u);
  EXPECT_TRUE(check_email(email).ok());
  EXPECT_FALSE(check_email("c" + email).ok());
}

TEST(Postcode, SixDigitsOnly) {
  for (const char* s : {"130000", "570100", "000000", "999999"}) EXPECT_TRUE(check_postcode(s).ok()) << s;
  // Empty, too short, too long, letters, full-width digits, inner space, a sign.
  for (const char* s : {"", "13000", "1300000", "13000A", "１３００００", "130 00", "+13000", "13000\n"}) {
    const Verdict v = check_postcode(s);
    EXPECT_EQ(v.code, ErrorCode::PostcodeInvalid) << s;
    EXPECT_EQ(v.detail, ErrorCode::PostcodeInvalid) << s;
  }
}

}  // namespace
}  // namespace uia
