#include "flows/profile/free_text.h"

namespace uia::flows {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string trim_text(std::string_view text) {
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    if (is_ascii_space(text.front())) { text.remove_prefix(1); changed = true; }
    else if (text.substr(0, 3) == kIdeographicSpace) { text.remove_prefix(3); changed = true; }
    if (text.empty()) break;
    if (is_ascii_space(text.back())) { text.remove_suffix(1); changed = true; }
    else if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographicSpace) { text.remove_suffix(3); changed = true; }
  }
  return std::string(text);
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    unsigned long cp = 0;
    if (c < 0x80) { n = 1; cp = c; }
    else if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
    else return std::string_view::npos;
    if (i + n > text.size()) return std::string_view::npos;
    for (std::size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return std::string_view::npos;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return std::string_view::npos;
    i += n;
    ++count;
  }
  return count;
}

ErrorCode check_free_text(std::string_view text, std::size_t max_chars) {
  const std::size_t length = utf8_length(text);
  if (length == std::string_view::npos) return ErrorCode::TextInvalid;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return ErrorCode::TextInvalid;
  }
  if (length > max_chars) return ErrorCode::FieldTooLong;
  return ErrorCode::Ok;
}

}  // namespace uia::flows
