#include "privacy/mask.h"

#include <vector>

namespace uia {
namespace {

// One displayed character: a well-formed UTF-8 sequence, or a single stray byte (valid=false).
struct Unit {
  std::string_view bytes;
  bool valid;
};

bool cont(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0 when the byte there does not start one.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = at(i);
  const std::size_t left = s.size() - i;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return (left >= 2 && cont(at(i + 1))) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (left < 3) return 0;
    const unsigned char b1 = at(i + 1);
    const unsigned char lo = b == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b == 0xED ? 0x9F : 0xBF;
    return (b1 >= lo && b1 <= hi && cont(at(i + 2))) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (left < 4) return 0;
    const unsigned char b1 = at(i + 1);
    const unsigned char lo = b == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b == 0xF4 ? 0x8F : 0xBF;
    return (b1 >= lo && b1 <= hi && cont(at(i + 2)) && cont(at(i + 3))) ? 4 : 0;
  }
  return 0;
}

std::vector<Unit> units_of(std::string_view s) {
  std::vector<Unit> units;
  units.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = sequence_length(s, i);
    if (n == 0) {
      units.push_back({s.substr(i, 1), false});
      ++i;
    } else {
      units.push_back({s.substr(i, n), true});
      i += n;
    }
  }
  return units;
}

// A kept character is copied; a stray byte is never copied (the output stays valid UTF-8).
void keep(std::string& out, const Unit& u) {
  if (u.valid)
    out.append(u.bytes);
  else
    out.push_back('*');
}

// First `head` and last `tail` characters kept, every other character replaced by '*'.
std::string keep_ends(const std::vector<Unit>& units, std::size_t head, std::size_t tail) {
  std::string out;
  const std::size_t n = units.size();
  if (head + tail > n) head = tail = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i < head || i >= n - tail)
      keep(out, units[i]);
    else
      out.push_back('*');
  }
  return out;
}

// Short values fully masked, longer ones keep two characters at each end.
std::string mask_generic(const std::vector<Unit>& units) {
  if (units.size() < 5) return keep_ends(units, 0, 0);
  return keep_ends(units, 2, 2);
}

}  // namespace

std::string mask_phone(std::string_view phone) {
  const auto units = units_of(phone);
  if (units.size() == 11) return keep_ends(units, 3, 4);  // 150****0058
  return mask_generic(units);
}

std::string mask_id_number(std::string_view number) {
  const auto units = units_of(number);
  const std::size_t n = units.size();
  if (n == 18) return keep_ends(units, 6, 4);  // 110105********002X
  if (n == 15) return keep_ends(units, 4, 3);
  if (n <= 4) return keep_ends(units, 0, 0);
  if (n <= 7) return keep_ends(units, 1, 1);
  if (n <= 11) return keep_ends(units, 1, 2);  // passports, permits: E*******8
  return keep_ends(units, 3, 3);                // other lengths: never more than half shown
}

std::string mask_name(std::string_view name) {
  const auto units = units_of(name);
  bool has_space = false, has_other = false;
  for (const auto& u : units) {
    if (u.bytes == " ")
      has_space = true;
    else
      has_other = true;
  }
  if (has_space && has_other) {
    // "John Smith" -> "J*** S****": first letter of each word.
    std::string out;
    bool word_start = true;
    for (const auto& u : units) {
      if (u.bytes == " ") {
        out.push_back(' ');
        word_start = true;
      } else if (word_start) {
        keep(out, u);
        word_start = false;
      } else {
        out.push_back('*');
      }
    }
    return out;
  }
  const std::size_t n = units.size();
  if (n == 0) return {};
  if (n == 1) return "*";
  if (n <= 3) return keep_ends(units, 1, 0);  // 陈* / 张**
  return keep_ends(units, 2, 0);              // 欧阳**
}

std::string mask_email(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return mask_generic(units_of(email));
  const auto local = units_of(email.substr(0, at));
  std::string out;
  if (!local.empty()) keep(out, local.front());
  out += "***@";
  for (const auto& u : units_of(email.substr(at + 1))) keep(out, u);
  return out;
}

}  // namespace uia
