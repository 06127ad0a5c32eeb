// The strength meter follows the province's password policy: a password the policy refuses is
// 弱 under every built-in profile, and the meter's grades are pinned for jilin and hubei.
#include "policy/password_strength.h"

#include <gtest/gtest.h>

#include "profile/profile.h"

namespace uia {
namespace {

PasswordPolicy policy_of(std::string_view name) {
  auto p = builtin_profile(name);
  EXPECT_TRUE(p.has_value()) << name;
  return p ? p->password : PasswordPolicy{};
}

TEST(PasswordStrength, EmptyIsNone) {
  EXPECT_EQ(rate_password("", PasswordPolicy{}), PasswordStrength::None);
  EXPECT_EQ(password_strength_name(PasswordStrength::None), "");
}

// "Abcdefgh" counted two kinds under the old four-kinds meter (中) while Hubei (upper, lower,
// digit, symbol) and Hainan (digit, letter, symbol) refuse it.
TEST(PasswordStrength, RefusedByThePolicyIsAlwaysWeak) {
  const char* samples[] = {"Abcdefgh", "abcdefg1!", "Abcdefg1", "Abcdefghijklmnopq1!", "12345678",
                           "Abcdefg1!Abcdefg1!x", "password1", "Abc1!", "Qx7!mnpzQx7!mnpzQx7!x"};
  for (std::string_view name : builtin_profile_names()) {
    const PasswordPolicy policy = policy_of(name);
    for (std::string_view pw : samples) {
      const bool accepted = check_password(pw, {}, policy).ok();
      const PasswordStrength s = rate_password(pw, policy);
      if (accepted) {
        EXPECT_NE(s, PasswordStrength::Weak) << name << " " << pw;
      } else {
        EXPECT_EQ(s, PasswordStrength::Weak) << name << " " << pw;
      }
    }
  }
}

TEST(PasswordStrength, HubeiRefusesWhatJilinAccepts) {
  const PasswordPolicy jilin = policy_of("jilin");
  const PasswordPolicy hubei = policy_of("hubei");
  EXPECT_EQ(rate_password("Abcdefgh", jilin), PasswordStrength::Weak);  // letters only: one class
  EXPECT_EQ(rate_password("abcdefg1!", jilin), PasswordStrength::Medium);
  EXPECT_EQ(rate_password("abcdefg1!", hubei), PasswordStrength::Weak);  // no upper case
  EXPECT_EQ(rate_password("Abcdefg1!", hubei), PasswordStrength::Medium);
  EXPECT_EQ(rate_password("Abcdefg1!xy", hubei), PasswordStrength::Strong);  // four kinds, 3 over
}

TEST(PasswordStrength, GradesAboveThePolicyMinimum) {
  const PasswordPolicy jilin = policy_of("jilin");
  EXPECT_EQ(rate_password("kxqz7295", jilin), PasswordStrength::Medium);      // two kinds
  EXPECT_EQ(rate_password("Kxqz7295ab", jilin), PasswordStrength::Medium);    // three kinds, 2 over
  EXPECT_EQ(rate_password("Kxqz7295abcd", jilin), PasswordStrength::Strong);  // three kinds, 4 over
  EXPECT_EQ(rate_password("Kxqz7295!a", jilin), PasswordStrength::Strong);    // four kinds, 2 over
  EXPECT_EQ(password_strength_name(PasswordStrength::Weak), "弱");
  EXPECT_EQ(password_strength_name(PasswordStrength::Medium), "中");
  EXPECT_EQ(password_strength_name(PasswordStrength::Strong), "强");
}

// The account and the holder's name count: a password containing the account, or (Hainan) the
// name's pinyin, is refused and so 弱.
TEST(PasswordStrength, AccountAndNameCount) {
  EXPECT_EQ(rate_password("zhangsan2024!", policy_of("jilin"), "zhangsan"), PasswordStrength::Weak);
  const PasswordPolicy hainan = policy_of("hainan");
  EXPECT_NE(rate_password("zhangsan#2024", hainan), PasswordStrength::Weak);
  EXPECT_EQ(rate_password("zhangsan#2024", hainan, {}, "张三"), PasswordStrength::Weak);
}

}  // namespace
}  // namespace uia
