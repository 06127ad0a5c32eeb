// The review target of an appeal (001 2.7.1: 一个工作日内审核): a number of working days after
// submission, counted Monday to Friday in China Standard Time (UTC+8, no daylight saving).
// Public holidays are not known to the platform: a case due on one is simply overdue a little.
#pragma once

namespace uia::flows {

// `from` plus `working_days` weekdays, at the same time of day. A start on a Saturday or Sunday
// counts from the following Monday's time: 1 working day from Saturday 10:00 is Monday 10:00.
long long add_working_days(long long from, int working_days);

}  // namespace uia::flows
