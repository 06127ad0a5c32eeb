#include "captcha/captcha.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>

#include "captcha/painter.h"
#include "captcha/stroke_font.h"

namespace uia::captcha {
namespace {

double between(ports::Random& random, double low, double high) { return low + (high - low) * random.unit(); }

std::uint8_t channel(ports::Random& random, int low, int high) {
  return static_cast<std::uint8_t>(random.between(low, high));
}

Rgb colour(ports::Random& random, int low, int high) {
  return {channel(random, low, high), channel(random, low, high), channel(random, low, high)};
}

// A light background with a gentle left-to-right gradient and per-pixel grain, so the glyphs
// cannot be separated from the background by a single threshold.
void paint_background(Image& image, ports::Random& random) {
  const Rgb left = colour(random, 215, 250);
  const Rgb right = colour(random, 215, 250);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const double t = image.width > 1 ? static_cast<double>(x) / (image.width - 1) : 0.0;
      const int grain = random.between(-8, 8);
      const int mixed[3] = {static_cast<int>(left.r + (right.r - left.r) * t), static_cast<int>(left.g + (right.g - left.g) * t),
                            static_cast<int>(left.b + (right.b - left.b) * t)};
      for (int c = 0; c < 3; ++c) {
        image.pixels[static_cast<std::size_t>((y * image.width + x) * 3 + c)] =
            static_cast<std::uint8_t>(std::clamp(mixed[c] + grain, 0, 255));
      }
    }
  }
}

// Thin lines behind the text: clutter for a machine, easy for a person to look through.
void paint_background_lines(Image& image, CoverageMask& mask, ports::Random& random) {
  const int count = random.between(5, 8);
  for (int i = 0; i < count; ++i) {
    const Point from{between(random, 0, image.width), between(random, 0, image.height)};
    const Point to{between(random, 0, image.width), between(random, 0, image.height)};
    mask.line(from, to, between(random, 0.8, 1.4));
    mask.paint(image, colour(random, 130, 210), 0.8);
  }
}

// One character: its strokes scaled into its slot, sheared, rotated and nudged at random.
void paint_glyph(Image& image, CoverageMask& mask, ports::Random& random, const Glyph& glyph, Point centre,
                 double height) {
  const double scale = height / kGlyphHeight * between(random, 0.88, 1.08);
  const double angle = between(random, -18, 18) * std::numbers::pi / 180.0;
  const double shear = between(random, -0.18, 0.18);
  const double thickness = between(random, 2.5, 3.1);
  const double cos_a = std::cos(angle), sin_a = std::sin(angle);
  for (const auto& stroke : glyph) {
    Stroke placed;
    placed.reserve(stroke.size());
    for (const auto& p : stroke) {
      double x = (p.x - kGlyphWidth / 2) * scale * 0.85;  // a little narrower than tall
      const double y = (p.y - kGlyphHeight / 2) * scale;
      x += shear * y;
      placed.push_back({centre.x + x * cos_a - y * sin_a, centre.y + x * sin_a + y * cos_a});
    }
    mask.polyline(placed, thickness);
  }
  mask.paint(image, colour(random, 10, 110));
}

// Wavy lines through the text in text-like colours: they touch the glyphs, which defeats
// simple connected-component segmentation while staying thinner than the strokes.
void paint_interference(Image& image, CoverageMask& mask, ports::Random& random) {
  const int count = random.between(1, 2);
  for (int i = 0; i < count; ++i) {
    const double base = between(random, image.height * 0.3, image.height * 0.7);
    const double amplitude = between(random, 3, image.height * 0.2);
    const double period = between(random, 40, 100);
    const double phase = between(random, 0, 2 * std::numbers::pi);
    Stroke wave;
    for (int x = -2; x <= image.width + 2; x += 2) {
      wave.push_back({static_cast<double>(x), base + amplitude * std::sin(2 * std::numbers::pi * x / period + phase)});
    }
    mask.polyline(wave, between(random, 0.9, 1.3));
    mask.paint(image, colour(random, 30, 140), 0.9);
  }
}

void paint_dots(Image& image, CoverageMask& mask, ports::Random& random) {
  const int count = image.width * image.height / 30;
  for (int i = 0; i < count; ++i) {
    mask.dot({between(random, 0, image.width), between(random, 0, image.height)}, between(random, 0.4, 0.9));
    mask.paint(image, colour(random, 0, 230), between(random, 0.5, 1.0));
  }
}

}  // namespace

Captcha render_captcha(ports::Random& random, const CaptchaOptions& options) {
  const int length = std::clamp(options.length, 4, 6);
  const int width = std::clamp(options.width, 60, 1000);
  const int height = std::clamp(options.height, 24, 400);
  const auto alphabet = captcha_alphabet();

  Captcha captcha;
  for (int i = 0; i < length; ++i) captcha.answer.push_back(alphabet[random.uniform(static_cast<std::uint32_t>(alphabet.size()))]);

  // The answer comes straight from `random`; the thousands of wobbles only need to be
  // unpredictable as a whole, so they come from a fast generator seeded by it (the system
  // CSPRNG costs a syscall per draw, which made a captcha ~10 ms instead of ~1 ms).
  std::uint64_t seed = 0;
  random.fill(&seed, sizeof seed);
  ports::SeededRandom noise(seed);

  Image image(width, height, 3);
  CoverageMask mask(width, height);
  paint_background(image, noise);
  paint_background_lines(image, mask, noise);

  const double margin = width * 0.06;
  const double slot = (width - 2 * margin) / length;
  const double glyph_height = height * 0.58;
  for (int i = 0; i < length; ++i) {
    const Point centre{margin + slot * (i + 0.5) + between(noise, -slot * 0.1, slot * 0.1),
                       height / 2.0 + between(noise, -height * 0.07, height * 0.07)};
    paint_glyph(image, mask, noise, *stroke_glyph(captcha.answer[static_cast<std::size_t>(i)]), centre, glyph_height);
  }
  paint_interference(image, mask, noise);
  paint_dots(image, mask, noise);

  captcha.png = encode_png(image);
  return captcha;
}

Captcha render_captcha() { return render_captcha(ports::SystemRandom::instance()); }

bool captcha_answer_matches(std::string_view answer, std::string_view given) {
  while (!given.empty() && std::isspace(static_cast<unsigned char>(given.front()))) given.remove_prefix(1);
  while (!given.empty() && std::isspace(static_cast<unsigned char>(given.back()))) given.remove_suffix(1);
  if (answer.empty() || given.size() != answer.size()) return false;
  std::string upper(given);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return sodium_memcmp(upper.data(), answer.data(), answer.size()) == 0;
}

}  // namespace uia::captcha
