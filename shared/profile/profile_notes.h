// Sentences the pages show that are built from the province profile, so that a changed profile
// changes them and no page retypes a manual's wording (the registration-hours 温馨提示 is
// profile/registration_hours.h's).
#pragma once
#include <string>

#include "profile/profile.h"

namespace uia {

// What the person signs in with when they pick no account name: account.mode "id_number"
// (003 2.1.2③ 账号名（身份证号码）; 2.1.3 登录名一经注册无法自行修改) or "none" (001 1.3.1
// 手机号或者身份证号或者证件号). Empty for "user_chosen".
std::string login_name_note(const Profile& profile);

}  // namespace uia
