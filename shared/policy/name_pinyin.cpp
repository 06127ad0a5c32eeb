#include "policy/name_pinyin.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace uia {
namespace {

// The hanzi -> toneless pinyin table, generated at build time by tools/gen_name_pinyin.py from
// Debian's golang-github-mozillazg-go-pinyin-dev into the build directory
// (shared/policy/name_pinyin_table.cmake puts it on uia_rules' include path; the fuzzers'
// own compile lines add the same directory).
#include "name_pinyin_table.inc"

// Value i of width `width` (up to 16 bits) in a little-endian bit-packed array of `size` bytes.
unsigned unpack(const std::uint8_t* data, std::size_t size, std::size_t i, unsigned width) {
  const std::size_t bit = i * width;
  std::uint32_t word = 0;
  for (unsigned k = 0; k < 3 && bit / 8 + k < size; ++k) word |= std::uint32_t{data[bit / 8 + k]} << (8 * k);
  return (word >> (bit % 8)) & ((1u << width) - 1);
}

// Index into kSets of the character's reading set, or -1 when the table lacks it.
long reading_set(char32_t c) {
  for (const PinyinRange& r : kRanges) {
    if (c < r.first || c > r.last) continue;
    const std::uint32_t v = r.vbase + (c - r.first);
    const std::uint64_t word = kPresent[v / 64];
    const std::uint64_t below = word & ((std::uint64_t{1} << (v % 64)) - 1);
    if (!((word >> (v % 64)) & 1)) return -1;
    const std::size_t index = kRank[v / 64] + static_cast<std::size_t>(std::popcount(below));
    return static_cast<long>(unpack(kChars, sizeof kChars, index, kCharBits));
  }
  return -1;
}

// Strict UTF-8 decoding of the code point at s[i], advancing i; false on malformed input.
bool next_code_point(std::string_view s, std::size_t& i, char32_t& out) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  int extra;
  char32_t cp;
  if (c < 0x80) { out = c; ++i; return true; }
  if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; }
  else return false;
  if (s.size() - i <= static_cast<std::size_t>(extra)) return false;
  for (int k = 1; k <= extra; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF.
  if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return false;
  out = cp;
  i += static_cast<std::size_t>(extra) + 1;
  return true;
}

// The middle dots that join the parts of an ethnic-minority name (U+00B7, U+2022, U+30FB): no
// pinyin of their own, so the parts are matched as one run.
bool is_name_joiner(char32_t c) { return c == 0xB7 || c == 0x2022 || c == 0x30FB; }

}  // namespace

bool contains_name_pinyin(std::string_view password, std::string_view name) {
  // The reading set of every character, in order.
  std::vector<unsigned> sets;
  for (std::size_t i = 0; i < name.size();) {
    char32_t c;
    if (!next_code_point(name, i, c)) return false;
    if (is_name_joiner(c)) continue;
    const long set = reading_set(c);
    if (set < 0) return false;
    sets.push_back(static_cast<unsigned>(set));
  }
  // Every reading is at least one letter, so a name longer than the password cannot be in it.
  if (sets.empty() || sets.size() > password.size()) return false;

  std::vector<char> lower(password.begin(), password.end());
  for (char& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  const std::size_t n = lower.size();

  // at[q]: the characters matched so far can end just before position q. Each step tries every
  // reading of the next character at every reachable position: O(chars x positions x readings).
  std::vector<char> at(n + 1, 1), next(n + 1);
  for (const unsigned first : sets) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (unsigned e = first;; ++e) {
      const unsigned entry = unpack(kSets, sizeof kSets, e, kSetEntryBits);
      const unsigned syllable = entry & ((1u << kSyllableBits) - 1);
      const std::string_view reading(kSyllables + kSyllableOffsets[syllable],
                                     kSyllableOffsets[syllable + 1] - kSyllableOffsets[syllable]);
      if (!reading.empty()) {
        for (std::size_t q = 0; q + reading.size() <= n; ++q) {
          if (at[q] && std::string_view(lower.data() + q, reading.size()) == reading) {
            next[q + reading.size()] = 1;
            any = true;
          }
        }
      }
      if (entry >> kSyllableBits) break;  // the last reading of this set
    }
    if (!any) return false;
    at.swap(next);
  }
  return true;
}

}  // namespace uia
