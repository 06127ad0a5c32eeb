#include "flows/appeals/working_days.h"

namespace uia::flows {
namespace {
constexpr long long kDay = 24 * 3600;
constexpr long long kChinaOffset = 8 * 3600;

// 0 Sunday ... 6 Saturday, of the China Standard Time date `at` falls on.
int weekday_in_china(long long at) {
  long long days = (at + kChinaOffset) / kDay;
  if ((at + kChinaOffset) % kDay < 0) --days;  // before 1970: floor, not truncation
  return static_cast<int>(((days + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
}

bool weekend(long long at) {
  const int day = weekday_in_china(at);
  return day == 0 || day == 6;
}

}  // namespace

long long add_working_days(long long from, int working_days) {
  long long at = from;
  for (int counted = 0; counted < working_days;) {
    at += kDay;
    if (!weekend(at)) ++counted;
  }
  return at;
}

}  // namespace uia::flows
