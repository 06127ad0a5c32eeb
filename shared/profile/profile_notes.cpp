#include "profile/profile_notes.h"

#include <cstdio>

namespace uia {
namespace {

std::string clock_time(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", minutes / 60, minutes % 60);
  return buf;
}

}  // namespace

std::string registration_hours_notice(const Profile& profile) {
  const RegistrationHours& h = profile.registration_hours;
  if (!h.enabled) return {};
  return "温馨提示：中国大陆省外个人用户注册请在" + clock_time(h.from_minute) + "-" + clock_time(h.to_minute) +
         "时间段内进行注册。";
}

std::string login_name_note(const Profile& profile) {
  if (profile.account_mode == "id_number") return "您的证件号码即为登录名，注册后无法自行修改。";
  if (profile.account_mode == "none") return "无需设置用户账号，注册后可使用手机号码或证件号码登录。";
  return {};
}

}  // namespace uia
