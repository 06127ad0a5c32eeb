// Anti-aliased drawing for the captcha: thick lines into a coverage mask, then one blend of the
// mask into the image. Building a whole shape in a mask first keeps overlapping segments of the
// same glyph from darkening their joints.
#pragma once
#include <vector>

#include "captcha/image.h"
#include "captcha/stroke_font.h"

namespace uia::captcha {

class CoverageMask {
 public:
  CoverageMask(int width, int height)
      : width_(width), height_(height), coverage_(static_cast<std::size_t>(width * height), 0.f),
        dirty_x0_(width), dirty_y0_(height) {}

  // A segment `thickness` pixels wide with round caps; coverage is the max over everything drawn.
  void line(Point from, Point to, double thickness);
  void polyline(const Stroke& points, double thickness);
  void dot(Point centre, double radius);

  // Blends `colour` into `image` by coverage * opacity, then clears the mask.
  void paint(Image& image, Rgb colour, double opacity = 1.0);

 private:
  int width_;
  int height_;
  std::vector<float> coverage_;
  // The rectangle touched since the last paint (empty when x0 > x1): painting and clearing only
  // that keeps a captcha with hundreds of dots cheap.
  int dirty_x0_, dirty_y0_, dirty_x1_ = -1, dirty_y1_ = -1;
};

}  // namespace uia::captcha
