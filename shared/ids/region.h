// Province-level administrative division codes (GB/T 2260), shared by the ID number rules.
// Internal helper: header-only so the source list stays the same for both builds.
#pragma once
#include <string_view>

namespace uia::region {

// True for the first two digits of a GB/T 2260 code: 11-15, 21-23, 31-37, 41-46, 50-54,
// 61-65, 71 (Taiwan), 81 (Hong Kong), 82 (Macao). Anything not two ASCII digits is false.
constexpr bool is_province_code(std::string_view two) {
  if (two.size() != 2 || two[0] < '0' || two[0] > '9' || two[1] < '0' || two[1] > '9') return false;
  const int v = (two[0] - '0') * 10 + (two[1] - '0');
  return (v >= 11 && v <= 15) || (v >= 21 && v <= 23) || (v >= 31 && v <= 37) ||
         (v >= 41 && v <= 46) || (v >= 50 && v <= 54) || (v >= 61 && v <= 65) || v == 71 ||
         v == 81 || v == 82;
}

// Resident ID address codes additionally allow 83 (830000, residence permits of Taiwan
// residents; Hong Kong and Macao residents use 810000 / 820000, covered above).
constexpr bool is_resident_id_province(std::string_view two) {
  return is_province_code(two) || two == "83";
}

}  // namespace uia::region
