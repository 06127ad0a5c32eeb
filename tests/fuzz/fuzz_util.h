// Shared helpers for the libFuzzer targets: invariant checks trap (so libFuzzer reports a
// crash with the input), and a strict UTF-8 validator independent of privacy/mask.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/error_code.h"
#include "api/verdict.h"

#define FUZZ_CHECK(cond)          \
  do {                            \
    if (!(cond)) __builtin_trap(); \
  } while (0)

namespace uia::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n;
    unsigned cp;
    if (b < 0x80) { ++i; continue; }
    if ((b & 0xE0) == 0xC0) { n = 2; cp = b & 0x1Fu; }
    else if ((b & 0xF0) == 0xE0) { n = 3; cp = b & 0x0Fu; }
    else if ((b & 0xF8) == 0xF0) { n = 4; cp = b & 0x07u; }
    else return false;
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

inline std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// A verdict is either a pass (both codes Ok) or a failure whose codes are catalogue entries,
// with the expected generic code, and a non-empty message.
inline void check_verdict(const Verdict& v, ErrorCode generic) {
  if (v.ok()) {
    FUZZ_CHECK(v.detail == ErrorCode::Ok);
    return;
  }
  FUZZ_CHECK(v.code == generic);
  FUZZ_CHECK(v.detail != ErrorCode::Ok);
  FUZZ_CHECK(static_cast<std::size_t>(v.detail) < error_code_count());
  FUZZ_CHECK(!v.message_zh().empty());
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace uia::fuzz
