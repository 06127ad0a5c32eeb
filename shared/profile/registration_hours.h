// The registration-hours rule of a profile (seed 001 湖北: 中国大陆省外个人用户注册请在8:00-18:00
// 时间段内进行注册): residents whose ID number was issued outside the home province register
// only between the profile's hours, China Standard Time (UTC+8, no daylight saving).
#pragma once
#include <string>
#include <string_view>

#include "profile/profile.h"

namespace uia {

// True when a resident with this ID number may register at `unix_seconds`: always when the rule
// is off or the number's first two digits are the home province's.
bool registration_open(const RegistrationHours& hours, std::string_view resident_id, long long unix_seconds);
// The notice the registration page shows: "温馨提示：中国大陆省外个人用户注册请在8:00-18:00时间段内进行注册";
// empty when the rule is off.
std::string registration_hours_notice(const RegistrationHours& hours);

}  // namespace uia
