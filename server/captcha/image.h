// A plain 8-bit raster: what the captcha painter draws into and the PNG encoder writes out.
#pragma once
#include <cstdint>
#include <vector>

namespace uia::captcha {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

struct Image {
  int width = 0;
  int height = 0;
  int channels = 3;  // 1 = grayscale, 3 = RGB
  std::vector<std::uint8_t> pixels;  // row-major, top row first, `channels` bytes per pixel

  Image() = default;
  Image(int width, int height, int channels)
      : width(width), height(height), channels(channels),
        pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * static_cast<std::size_t>(channels)) {}
};

}  // namespace uia::captcha
