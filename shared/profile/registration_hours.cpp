#include "profile/registration_hours.h"

namespace uia {
namespace {

constexpr long long kChinaStandardTimeOffset = 8 * 3600;

std::string clock_text(int minute_of_day) {
  const int minutes = minute_of_day % 60;
  return std::to_string(minute_of_day / 60) + ":" + (minutes < 10 ? "0" : "") + std::to_string(minutes);
}

}  // namespace

bool registration_open(const RegistrationHours& hours, std::string_view resident_id, long long unix_seconds) {
  if (!hours.enabled || resident_id.substr(0, 2) == hours.home_region) return true;
  long long local = (unix_seconds + kChinaStandardTimeOffset) % 86400;
  if (local < 0) local += 86400;
  const long long minute = local / 60;
  return minute >= hours.from_minute && minute < hours.to_minute;
}

std::string registration_hours_notice(const RegistrationHours& hours) {
  if (!hours.enabled) return {};
  return "温馨提示：中国大陆省外个人用户注册请在" + clock_text(hours.from_minute) + "-" + clock_text(hours.to_minute) +
         "时间段内进行注册";
}

}  // namespace uia
