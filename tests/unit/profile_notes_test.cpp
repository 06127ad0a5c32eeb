// Sentences built from the profile: the 温馨提示 follows registration_hours, the login-name note
// follows account.mode.
#include "profile/profile_notes.h"

#include <gtest/gtest.h>

namespace uia {
namespace {

TEST(ProfileNotes, RegistrationHoursFollowTheProfile) {
  const Profile hubei = builtin_profile("hubei").value();
  EXPECT_EQ(registration_hours_notice(hubei), "温馨提示：中国大陆省外个人用户注册请在8:00-18:00时间段内进行注册。");
  Profile changed = hubei;
  changed.registration_hours.from_minute = 8 * 60 + 30;
  changed.registration_hours.to_minute = 17 * 60;
  EXPECT_EQ(registration_hours_notice(changed), "温馨提示：中国大陆省外个人用户注册请在8:30-17:00时间段内进行注册。");
  changed.registration_hours.enabled = false;
  EXPECT_EQ(registration_hours_notice(changed), "");
  EXPECT_EQ(registration_hours_notice(builtin_profile("jilin").value()), "");
}

TEST(ProfileNotes, LoginNameFollowsTheAccountMode) {
  EXPECT_EQ(login_name_note(builtin_profile("jilin").value()), "");
  EXPECT_NE(login_name_note(builtin_profile("hainan").value()).find("证件号码即为登录名"), std::string::npos);
  EXPECT_NE(login_name_note(builtin_profile("hubei").value()).find("无需设置用户账号"), std::string::npos);
}

}  // namespace
}  // namespace uia
