// The captcha's own single-stroke font, defined in code so the server needs no font files and
// each glyph is a set of polylines the painter can rotate and jitter freely.
//
// Coordinates: a glyph lives in a box 10 units wide and 14 tall, y pointing down (0 = top).
#pragma once
#include <string_view>
#include <vector>

namespace uia::captcha {

struct Point {
  double x = 0;
  double y = 0;
};
using Stroke = std::vector<Point>;  // a polyline
using Glyph = std::vector<Stroke>;

constexpr double kGlyphWidth = 10.0;
constexpr double kGlyphHeight = 14.0;

// Upper-case letters and digits without the look-alikes a person mistypes: no 0/O/Q, 1/I/L.
std::string_view captcha_alphabet();

// The glyph for a character of captcha_alphabet(); nullptr for anything else.
const Glyph* stroke_glyph(char c);

}  // namespace uia::captcha
