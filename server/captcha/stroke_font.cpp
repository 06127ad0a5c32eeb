#include "captcha/stroke_font.h"

#include <array>
#include <cmath>
#include <numbers>

namespace uia::captcha {
namespace {

// Points along an elliptical arc; angles in degrees, 0 = right, 90 = down (screen coordinates),
// walked from `from` to `to` in whichever direction that is.
Stroke arc(double cx, double cy, double rx, double ry, double from, double to) {
  const int steps = static_cast<int>(std::ceil(std::abs(to - from) / 10.0));
  Stroke out;
  for (int i = 0; i <= steps; ++i) {
    const double degrees = from + (to - from) * i / steps;
    const double radians = degrees * std::numbers::pi / 180.0;
    out.push_back({cx + rx * std::cos(radians), cy + ry * std::sin(radians)});
  }
  return out;
}

// Concatenates polyline pieces into one stroke, so an arc flows into a straight line.
Stroke join(std::initializer_list<Stroke> pieces) {
  Stroke out;
  for (const auto& piece : pieces) out.insert(out.end(), piece.begin(), piece.end());
  return out;
}

struct Entry {
  char c;
  Glyph glyph;
};

const std::vector<Entry>& font() {
  static const std::vector<Entry> entries = {
      {'A', {{{0, 14}, {5, 0}, {10, 14}}, {{2.2, 9}, {7.8, 9}}}},
      {'B', {join({{{0, 14}, {0, 0}, {5.5, 0}}, arc(5.5, 3.4, 3.8, 3.4, -90, 90), {{0, 6.8}}}),
             join({{{0, 6.8}, {5.8, 6.8}}, arc(5.8, 10.4, 4.2, 3.6, -90, 90), {{0, 14}}})}},
      {'C', {arc(5.3, 7, 5.3, 7, -40, -320)}},
      {'D', {join({{{0, 14}, {0, 0}, {4, 0}}, arc(4, 7, 6, 7, -90, 90), {{0, 14}}})}},
      {'E', {{{10, 0}, {0, 0}, {0, 14}, {10, 14}}, {{0, 7}, {7.5, 7}}}},
      {'F', {{{10, 0}, {0, 0}, {0, 14}}, {{0, 7}, {7.5, 7}}}},
      {'G', {join({arc(5.3, 7, 5.3, 7, -40, -345), {{10.2, 8}, {5.5, 8}}})}},
      {'H', {{{0, 0}, {0, 14}}, {{10, 0}, {10, 14}}, {{0, 7}, {10, 7}}}},
      {'J', {{{3, 0}, {10, 0}}, join({{{8, 0}, {8, 10}}, arc(4.5, 10, 3.5, 4, 0, 170)})}},
      {'K', {{{0, 0}, {0, 14}}, {{10, 0}, {0, 9}}, {{3.5, 6}, {10, 14}}}},
      {'M', {{{0, 14}, {0.5, 0}, {5, 10}, {9.5, 0}, {10, 14}}}},
      {'N', {{{0, 14}, {0, 0}, {10, 14}, {10, 0}}}},
      {'P', {join({{{0, 14}, {0, 0}, {5.5, 0}}, arc(5.5, 3.8, 4.5, 3.8, -90, 90), {{0, 7.6}}})}},
      {'R', {join({{{0, 14}, {0, 0}, {5.5, 0}}, arc(5.5, 3.8, 4.5, 3.8, -90, 90), {{0, 7.6}}}), {{5, 7.6}, {10, 14}}}},
      {'S', {join({arc(5, 3.6, 4.6, 3.6, -25, -270), arc(5, 10.6, 5, 3.4, -90, 155)})}},
      {'T', {{{0, 0}, {10, 0}}, {{5, 0}, {5, 14}}}},
      {'U', {join({{{0, 0}, {0, 9}}, arc(5, 9, 5, 5, 180, 0), {{10, 0}}})}},
      {'V', {{{0, 0}, {5, 14}, {10, 0}}}},
      {'W', {{{0, 0}, {2.5, 14}, {5, 4}, {7.5, 14}, {10, 0}}}},
      {'X', {{{0, 0}, {10, 14}}, {{10, 0}, {0, 14}}}},
      {'Y', {{{0, 0}, {5, 7}, {10, 0}}, {{5, 7}, {5, 14}}}},
      {'Z', {{{0, 0}, {10, 0}, {0, 14}, {10, 14}}}},
      {'2', {join({arc(5, 4.2, 4.8, 4.2, 195, 380), {{0, 14}, {10, 14}}})}},
      {'3', {join({arc(5, 3.5, 4.5, 3.5, 205, 450), arc(5, 10.5, 5, 3.5, 270, 515)})}},
      {'4', {{{7.5, 14}, {7.5, 0}, {0, 10}, {10, 10}}}},
      {'5', {join({{{9.5, 0}, {1.2, 0}, {0.6, 6.4}}, arc(5, 9.6, 5, 4.4, 228, 515)})}},
      {'6', {join({arc(5.3, 7, 5.3, 7, 300, 180), {{0, 9.5}}}), arc(5, 9.6, 5, 4.4, 0, 360)}},
      {'7', {{{0, 0}, {10, 0}, {3.5, 14}}}},
      {'8', {arc(5, 3.5, 4.2, 3.5, 0, 360), arc(5, 10.5, 5, 3.5, 0, 360)}},
      {'9', {arc(5, 4.4, 5, 4.4, 0, 360), join({{{10, 4.4}}, arc(4.7, 7, 5.3, 7, 0, 120)})}},
  };
  return entries;
}

}  // namespace

std::string_view captcha_alphabet() { return "ABCDEFGHJKMNPRSTUVWXYZ23456789"; }

const Glyph* stroke_glyph(char c) {
  for (const auto& entry : font()) {
    if (entry.c == c) return &entry.glyph;
  }
  return nullptr;
}

}  // namespace uia::captcha
