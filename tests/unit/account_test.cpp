#include <gtest/gtest.h>

#include <string>

#include "policy/account.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

TEST(AccountName, Valid) {
  for (const char* s : {"zhangsan", "abc123", "A_b_1234567890123456", "Z_____", "user_2024"})
    EXPECT_TRUE(check_account_name(s).ok()) << s;
}

TEST(AccountName, Invalid) {
  EXPECT_EQ(detail_name(check_account_name("")), "ACCOUNT_EMPTY");
  EXPECT_EQ(check_account_name("").code, ErrorCode::AccountInvalid);
  EXPECT_EQ(detail_name(check_account_name("abc12")), "ACCOUNT_LENGTH");
  EXPECT_EQ(detail_name(check_account_name("a12345678901234567890")), "ACCOUNT_LENGTH");
  EXPECT_EQ(detail_name(check_account_name("1abcdef")), "ACCOUNT_FIRST_LETTER");
  EXPECT_EQ(detail_name(check_account_name("_abcdef")), "ACCOUNT_FIRST_LETTER");
  EXPECT_EQ(detail_name(check_account_name("abc-def")), "ACCOUNT_CHARACTERS");
  EXPECT_EQ(detail_name(check_account_name("abc def")), "ACCOUNT_CHARACTERS");
  EXPECT_EQ(detail_name(check_account_name("abcdef ")), "ACCOUNT_CHARACTERS");
  EXPECT_EQ(detail_name(check_account_name("abc.def")), "ACCOUNT_CHARACTERS");
  EXPECT_EQ(detail_name(check_account_name("张三丰abc")), "ACCOUNT_CHARACTERS");
  EXPECT_EQ(detail_name(check_account_name("张三")), "ACCOUNT_CHARACTERS");
  for (const char* s : {"abc12", "1abcdef", "abc-def"})
    EXPECT_EQ(check_account_name(s).code, ErrorCode::AccountInvalid);
}

TEST(AccountName, Policy) {
  const AccountNamePolicy p{4, 30};
  EXPECT_TRUE(check_account_name("abcd", p).ok());
  EXPECT_EQ(detail_name(check_account_name("abc", p)), "ACCOUNT_LENGTH");
  EXPECT_TRUE(check_account_name(std::string(30, 'a'), p).ok());
  EXPECT_EQ(detail_name(check_account_name(std::string(31, 'a'), p)), "ACCOUNT_LENGTH");
  EXPECT_TRUE(check_account_name(std::string(20, 'a')).ok());
  EXPECT_TRUE(check_account_name(std::string(6, 'a')).ok());
}

TEST(Password, Valid) {
  for (const char* s : {"Kxqz7295", "kxqz-wvut", "7295!@#$", "Zq9!", "Zhang2024x!", "aB3$eF6&hI9*kL0("}) {
    const Verdict v = check_password(s, "zhangsan");
    if (std::string(s).size() < 8)
      EXPECT_EQ(v.detail, ErrorCode::PasswordLength) << s;
    else
      EXPECT_TRUE(v.ok()) << s << " " << detail_name(v);
  }
}

TEST(Password, EmptyAndCharacters) {
  EXPECT_EQ(detail_name(check_password("", "")), "PASSWORD_EMPTY");
  EXPECT_EQ(check_password("", "").code, ErrorCode::PasswordInvalid);
  for (const char* s : {"abc 12345", " abc12345", "abc12345 ", "密码abc12345", "abc\t12345",
                        "abc12345\n", "abc\x7f" "12345", "abc\x01" "2345"}) {
    EXPECT_EQ(detail_name(check_password(s, "")), "PASSWORD_CHARACTERS") << s;
  }
}

TEST(Password, Length) {
  EXPECT_EQ(detail_name(check_password("Kx7!", "")), "PASSWORD_LENGTH");
  EXPECT_EQ(detail_name(check_password("Kxqz729", "")), "PASSWORD_LENGTH");
  EXPECT_TRUE(check_password("Kxqz7295", "").ok());
  EXPECT_TRUE(check_password("Kxqz7295Kxqz7295", "").ok());  // 16
  EXPECT_EQ(detail_name(check_password("Kxqz7295Kxqz72951", "")), "PASSWORD_LENGTH");  // 17
  // Characters are checked before the length.
  EXPECT_EQ(detail_name(check_password("a b", "")), "PASSWORD_CHARACTERS");
}

TEST(Password, Classes) {
  EXPECT_EQ(detail_name(check_password("kxqzwvut", "")), "PASSWORD_CLASSES");
  EXPECT_EQ(detail_name(check_password("KXQZWVUT", "")), "PASSWORD_CLASSES");
  EXPECT_EQ(detail_name(check_password("72951836", "")), "PASSWORD_CLASSES");
  EXPECT_EQ(detail_name(check_password("!@#$%^&*", "")), "PASSWORD_CLASSES");
  EXPECT_TRUE(check_password("kxqz7295", "").ok());
  EXPECT_TRUE(check_password("kxqz!@#$", "").ok());
  EXPECT_TRUE(check_password("7295!@#$", "").ok());
  // Classes are checked before the common list: "password" is reported as one class.
  EXPECT_EQ(detail_name(check_password("password", "")), "PASSWORD_CLASSES");
}

TEST(Password, HubeiPolicyUpperLowerDigitSymbol) {
  PasswordPolicy hubei;
  hubei.max_length = 18;
  hubei.min_classes = 3;
  hubei.require_upper_and_lower = true;
  EXPECT_TRUE(check_password("Kxqz7295!", "", hubei).ok());
  // Each refusal names what is missing, so the message says what to add.
  EXPECT_EQ(detail_name(check_password("kxqz7295!", "", hubei)), "PASSWORD_UPPER_LOWER");
  EXPECT_EQ(detail_name(check_password("KXQZ7295!", "", hubei)), "PASSWORD_UPPER_LOWER");
  EXPECT_EQ(detail_name(check_password("Kxqz72951", "", hubei)), "PASSWORD_ALL_CLASSES");
  EXPECT_TRUE(check_password("Kxqz7295!Kxqz7295!", "", hubei).ok());  // 18
}

TEST(Password, ContainsAccount) {
  EXPECT_EQ(detail_name(check_password("zhangsan2024", "zhangsan")), "PASSWORD_CONTAINS_ACCOUNT");
  EXPECT_EQ(detail_name(check_password("2024ZhangSan!", "zhangsan")), "PASSWORD_CONTAINS_ACCOUNT");
  EXPECT_EQ(detail_name(check_password("x9ZHANGSANx", "ZhangSan")), "PASSWORD_CONTAINS_ACCOUNT");
  EXPECT_TRUE(check_password("zhang2024san", "zhangsan").ok());
  EXPECT_TRUE(check_password("zhangsan2024", "").ok());
  PasswordPolicy lax;
  lax.reject_containing_account = false;
  EXPECT_TRUE(check_password("zhangsan2024", "zhangsan", lax).ok());
}

TEST(Password, Common) {
  for (const char* s : {"P@ssw0rd", "p@ssw0rd", "Aa123456", "a123456789", "woaini1314",
                        "1qaz2wsx", "abc123456", "Admin@123", "qwer1234", "Password1",
                        "1QAZ2WSX", "WOAINI1314", "Huawei@123", "zxcvbnm123"}) {
    EXPECT_TRUE(is_common_password(s)) << s;
    EXPECT_EQ(detail_name(check_password(s, "")), "PASSWORD_COMMON") << s;
  }
  PasswordPolicy lax;
  lax.reject_common = false;
  EXPECT_TRUE(check_password("P@ssw0rd", "", lax).ok());
  for (const char* s : {"123456", "password", "qwerty", "111111", "iloveyou", "5201314"})
    EXPECT_TRUE(is_common_password(s)) << s;
  for (const char* s : {"", "Kxqz7295", "P@ssw0rd!x", "123456 "})
    EXPECT_FALSE(is_common_password(s)) << s;
}

TEST(Password, CommonListIsSortedLowerCaseAndSearchable) {
  const std::size_t n = common_password_count();
  EXPECT_GE(n, 300u);
  EXPECT_TRUE(common_password_at(n).empty());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view p = common_password_at(i);
    ASSERT_FALSE(p.empty());
    if (i > 0) {
      EXPECT_LT(common_password_at(i - 1), p);
    }
    std::string upper(p);
    for (char& c : upper) {
      EXPECT_FALSE(c >= 'A' && c <= 'Z') << p;
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    EXPECT_TRUE(is_common_password(p)) << p;
    EXPECT_TRUE(is_common_password(upper)) << upper;
  }
}

TEST(Password, CheckOrder) {
  // empty, characters, length, classes, contains account, common.
  EXPECT_EQ(detail_name(check_password("abc 1", "abc")), "PASSWORD_CHARACTERS");
  EXPECT_EQ(detail_name(check_password("abc1", "abc")), "PASSWORD_LENGTH");
  EXPECT_EQ(detail_name(check_password("abcdefgh", "abc")), "PASSWORD_CLASSES");
  EXPECT_EQ(detail_name(check_password("qwer1234", "qwer")), "PASSWORD_CONTAINS_ACCOUNT");
  EXPECT_EQ(detail_name(check_password("qwer1234", "zhangsan")), "PASSWORD_COMMON");
}

}  // namespace
}  // namespace uia
