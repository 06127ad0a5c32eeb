#include "captcha/painter.h"

#include <algorithm>
#include <cmath>

namespace uia::captcha {
namespace {

double distance_to_segment(Point p, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length_squared = dx * dx + dy * dy;
  double t = length_squared > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length_squared : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double nearest_x = a.x + t * dx, nearest_y = a.y + t * dy;
  return std::hypot(p.x - nearest_x, p.y - nearest_y);
}

}  // namespace

void CoverageMask::line(Point from, Point to, double thickness) {
  const double half = thickness / 2.0;
  const int x0 = std::max(0, static_cast<int>(std::floor(std::min(from.x, to.x) - half - 1)));
  const int x1 = std::min(width_ - 1, static_cast<int>(std::ceil(std::max(from.x, to.x) + half + 1)));
  const int y0 = std::max(0, static_cast<int>(std::floor(std::min(from.y, to.y) - half - 1)));
  const int y1 = std::min(height_ - 1, static_cast<int>(std::ceil(std::max(from.y, to.y) + half + 1)));
  if (x0 > x1 || y0 > y1) return;  // entirely outside the image
  dirty_x0_ = std::min(dirty_x0_, x0);
  dirty_y0_ = std::min(dirty_y0_, y0);
  dirty_x1_ = std::max(dirty_x1_, x1);
  dirty_y1_ = std::max(dirty_y1_, y1);
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      // Pixel centres sit at +0.5; coverage falls off linearly over one pixel at the edge.
      const double d = distance_to_segment({x + 0.5, y + 0.5}, from, to);
      const auto cover = static_cast<float>(std::clamp(half + 0.5 - d, 0.0, 1.0));
      auto& cell = coverage_[static_cast<std::size_t>(y * width_ + x)];
      cell = std::max(cell, cover);
    }
  }
}

void CoverageMask::polyline(const Stroke& points, double thickness) {
  if (points.size() == 1) line(points[0], points[0], thickness);
  for (std::size_t i = 1; i < points.size(); ++i) line(points[i - 1], points[i], thickness);
}

void CoverageMask::dot(Point centre, double radius) { line(centre, centre, radius * 2); }

void CoverageMask::paint(Image& image, Rgb colour, double opacity) {
  // Grayscale images take the colour's luma.
  const double luma = 0.299 * colour.r + 0.587 * colour.g + 0.114 * colour.b;
  const double targets[3] = {image.channels == 3 ? colour.r : luma, static_cast<double>(colour.g),
                             static_cast<double>(colour.b)};
  for (int y = dirty_y0_; y <= dirty_y1_; ++y) {
    for (int x = dirty_x0_; x <= dirty_x1_; ++x) {
      const auto i = static_cast<std::size_t>(y * width_ + x);
      const double alpha = coverage_[i] * opacity;
      coverage_[i] = 0.f;
      if (alpha <= 0) continue;
      for (int c = 0; c < image.channels; ++c) {
        auto& pixel = image.pixels[i * static_cast<std::size_t>(image.channels) + static_cast<std::size_t>(c)];
        pixel = static_cast<std::uint8_t>(std::lround(pixel + (targets[c] - pixel) * alpha));
      }
    }
  }
  dirty_x0_ = width_;
  dirty_y0_ = height_;
  dirty_x1_ = dirty_y1_ = -1;
}

}  // namespace uia::captcha
