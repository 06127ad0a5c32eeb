// Sentences built from the profile: the login-name note follows account.mode.
#include "profile/profile_notes.h"

#include <gtest/gtest.h>

namespace uia {
namespace {

TEST(ProfileNotes, LoginNameFollowsTheAccountMode) {
  EXPECT_EQ(login_name_note(builtin_profile("jilin").value()), "");
  EXPECT_NE(login_name_note(builtin_profile("hainan").value()).find("证件号码即为登录名"), std::string::npos);
  EXPECT_NE(login_name_note(builtin_profile("hubei").value()).find("无需设置用户账号"), std::string::npos);
}

}  // namespace
}  // namespace uia
