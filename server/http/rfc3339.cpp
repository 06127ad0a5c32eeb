#include "http/rfc3339.h"

#include <cstdio>
#include <ctime>

#include "policy/date.h"

namespace uia::http {

std::string rfc3339(long long epoch_seconds) {
  const std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return out;
}

std::optional<long long> parse_rfc3339(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return std::nullopt;
  const auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  const auto two = [&](std::size_t at) -> int {
    const char a = text[at], b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  const int hour = two(11), minute = two(14), second = two(17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
  return static_cast<long long>(days_from_civil(*date)) * 86400 + hour * 3600 + minute * 60 + second;
}

}  // namespace uia::http
