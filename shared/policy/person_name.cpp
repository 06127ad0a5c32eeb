#include "policy/person_name.h"

namespace uia {
namespace {

// Decodes one UTF-8 code point at `i`; returns 0xFFFFFFFF on malformed input.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 6 ? 1 : (lead >> 4) == 14 ? 2 : (lead >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return 0xFFFFFFFF;
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const unsigned char c = byte(i + k);
    if ((c & 0xC0) != 0x80) return 0xFFFFFFFF;
    cp = (cp << 6) | (c & 0x3F);
  }
  i += extra + 1;
  return cp;
}

bool is_ideograph(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F);
}
bool is_latin_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_separator(char32_t c) { return c == 0xB7 || c == 0x2022 || c == '.' || c == '-' || c == '\'' || c == ' '; }

}  // namespace

Verdict check_person_name(std::string_view name) {
  if (name.empty()) return Verdict::fail(ErrorCode::NameInvalid, ErrorCode::NameEmpty);
  std::size_t i = 0;
  int count = 0;
  bool previous_separator = true;  // no separator first
  while (i < name.size()) {
    const char32_t c = next_code_point(name, i);
    if (c == 0xFFFFFFFF) return Verdict::fail(ErrorCode::NameInvalid);
    if (is_separator(c)) {
      if (previous_separator) return Verdict::fail(ErrorCode::NameInvalid);
      previous_separator = true;
    } else if (is_ideograph(c) || is_latin_letter(c)) {
      previous_separator = false;
    } else {
      return Verdict::fail(ErrorCode::NameInvalid);
    }
    if (++count > 50) return Verdict::fail(ErrorCode::NameInvalid);
  }
  if (previous_separator || count < 2) return Verdict::fail(ErrorCode::NameInvalid);
  return Verdict::pass();
}

}  // namespace uia
