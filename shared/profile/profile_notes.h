// Sentences the pages show that are built from the province profile, so that a changed profile
// changes them and no page retypes a manual's wording.
#pragma once
#include <string>

#include "profile/profile.h"

namespace uia {

// The manual's 温馨提示 when registration hours apply (001: "温馨提示：中国大陆省外个人用户注册请在
// 8:00-18:00时间段内进行注册。"); empty when registration_hours is off.
std::string registration_hours_notice(const Profile& profile);

// What the person signs in with when they pick no account name: account.mode "id_number"
// (003 2.1.2③ 账号名（身份证号码）; 2.1.3 登录名一经注册无法自行修改) or "none" (001 1.3.1
// 手机号或者身份证号或者证件号). Empty for "user_chosen".
std::string login_name_note(const Profile& profile);

}  // namespace uia
