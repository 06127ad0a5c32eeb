// The graphic captcha: a real, valid PNG of the promised size whose answer uses only the
// unambiguous alphabet. (Legibility is checked by eye: set UIA_CAPTCHA_SAMPLE_DIR to keep samples.)
#include <gtest/gtest.h>
#include <sodium.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "captcha/captcha.h"
#include "captcha/png.h"
#include "captcha/stroke_font.h"
#include "ports/random.h"

namespace uia::captcha {
namespace {

std::uint32_t read_u32(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

struct Chunk {
  std::string type;
  std::string data;
};

// Walks the file the way a decoder does; any framing or CRC problem fails the test.
std::vector<Chunk> read_chunks(const std::string& png) {
  std::vector<Chunk> chunks;
  EXPECT_GE(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  std::size_t at = 8;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = read_u32(png, at);
    EXPECT_LE(at + 12 + length, png.size());
    if (at + 12 + length > png.size()) break;
    const std::string typed = png.substr(at + 4, 4 + length);
    const auto crc = crc32(0L, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()));
    EXPECT_EQ(read_u32(png, at + 8 + length), crc) << "bad CRC on chunk " << typed.substr(0, 4);
    chunks.push_back({typed.substr(0, 4), typed.substr(4)});
    at += 12 + length;
  }
  EXPECT_EQ(at, png.size()) << "trailing bytes after the last chunk";
  return chunks;
}

struct Decoded {
  std::uint32_t width = 0, height = 0;
  int channels = 0;
  std::string scanlines;  // inflated IDAT: filter byte + row, per row
};

Decoded decode(const std::string& png) {
  Decoded out;
  const auto chunks = read_chunks(png);
  EXPECT_GE(chunks.size(), 3u);
  if (chunks.size() < 3) return out;
  EXPECT_EQ(chunks.front().type, "IHDR");
  EXPECT_EQ(chunks.back().type, "IEND");
  EXPECT_TRUE(chunks.back().data.empty());
  const std::string& header = chunks.front().data;
  EXPECT_EQ(header.size(), 13u);
  out.width = read_u32(header, 0);
  out.height = read_u32(header, 4);
  EXPECT_EQ(header[8], 8) << "bit depth";
  const int colour_type = header[9];
  EXPECT_TRUE(colour_type == 2 || colour_type == 0);
  out.channels = colour_type == 2 ? 3 : 1;
  EXPECT_EQ(header[10], 0);
  EXPECT_EQ(header[11], 0);
  EXPECT_EQ(header[12], 0);
  std::string idat;
  for (const auto& chunk : chunks) {
    if (chunk.type == "IDAT") idat += chunk.data;
  }
  const std::size_t expected = out.height * (1 + out.width * static_cast<std::size_t>(out.channels));
  out.scanlines.assign(expected + 1, '\0');  // one spare byte: a longer stream would show up
  uLongf size = static_cast<uLongf>(out.scanlines.size());
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.scanlines.data()), &size, reinterpret_cast<const Bytef*>(idat.data()),
                       static_cast<uLong>(idat.size())),
            Z_OK);
  EXPECT_EQ(size, expected) << "inflated size must be height * (1 + width * channels)";
  out.scanlines.resize(size);
  return out;
}

bool in_alphabet(char c) { return captcha_alphabet().find(c) != std::string_view::npos; }

TEST(CaptchaPng, EncodesAValidGrayscaleAndRgbFile) {
  Image gray(3, 2, 1);
  gray.pixels = {0, 128, 255, 10, 20, 30};
  const auto decoded_gray = decode(encode_png(gray));
  EXPECT_EQ(decoded_gray.width, 3u);
  EXPECT_EQ(decoded_gray.height, 2u);
  EXPECT_EQ(decoded_gray.channels, 1);
  EXPECT_EQ(decoded_gray.scanlines, std::string("\0\x00\x80\xff\0\x0a\x14\x1e", 8));

  Image rgb(2, 1, 3);
  rgb.pixels = {1, 2, 3, 4, 5, 6};
  const auto decoded_rgb = decode(encode_png(rgb));
  EXPECT_EQ(decoded_rgb.channels, 3);
  EXPECT_EQ(decoded_rgb.scanlines, std::string("\0\1\2\3\4\5\6", 7));
}

TEST(CaptchaPng, RefusesMalformedImages) {
  Image wrong_size(4, 4, 3);
  wrong_size.pixels.pop_back();
  EXPECT_TRUE(encode_png(wrong_size).empty());
  EXPECT_TRUE(encode_png(Image(4, 4, 2)).empty());
  EXPECT_TRUE(encode_png(Image()).empty());
}

TEST(CaptchaPng, DataUrlIsStandardBase64OfTheBytes) {
  const std::string png = encode_png(Image(2, 2, 3));
  const std::string url = png_data_url(png);
  const std::string prefix = "data:image/png;base64,";
  ASSERT_EQ(url.rfind(prefix, 0), 0u);
  const std::string base64 = url.substr(prefix.size());
  std::string back(png.size() + 8, '\0');
  std::size_t length = 0;
  ASSERT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(back.data()), back.size(), base64.data(), base64.size(),
                              nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  back.resize(length);
  EXPECT_EQ(back, png);
}

TEST(CaptchaFont, AlphabetHasNoLookAlikesAndEveryCharacterHasAGlyph) {
  const auto alphabet = captcha_alphabet();
  for (const char banned : std::string("0O1IL")) EXPECT_EQ(alphabet.find(banned), std::string_view::npos) << banned;
  EXPECT_GE(alphabet.size(), 28u);
  for (const char c : alphabet) {
    const Glyph* glyph = stroke_glyph(c);
    ASSERT_NE(glyph, nullptr) << c;
    for (const auto& stroke : *glyph) {
      for (const auto& point : stroke) {
        // A little overshoot on curves is fine; far outside the box would be clipped.
        EXPECT_GE(point.x, -0.6) << c;
        EXPECT_LE(point.x, kGlyphWidth + 0.6) << c;
        EXPECT_GE(point.y, -0.6) << c;
        EXPECT_LE(point.y, kGlyphHeight + 0.6) << c;
      }
    }
  }
  EXPECT_EQ(stroke_glyph('O'), nullptr);
  EXPECT_EQ(stroke_glyph('a'), nullptr);
}

TEST(CaptchaRender, IsAValidPngOfTheRequestedSize) {
  const Captcha captcha = render_captcha();
  ASSERT_FALSE(captcha.png.empty());
  EXPECT_LT(captcha.png.size(), 16u * 1024) << "small enough to inline as a data URL";
  const auto decoded = decode(captcha.png);
  EXPECT_EQ(decoded.width, 120u);
  EXPECT_EQ(decoded.height, 40u);
  EXPECT_EQ(decoded.channels, 3);
  EXPECT_EQ(captcha.answer.size(), 5u);
  for (const char c : captcha.answer) EXPECT_TRUE(in_alphabet(c)) << c;

  // Something dark was drawn (the glyphs), on a mostly light background.
  int dark = 0, light = 0;
  const std::size_t row = 1 + decoded.width * 3;
  for (std::size_t y = 0; y < decoded.height; ++y) {
    EXPECT_EQ(decoded.scanlines[y * row], '\0') << "filter type";
    for (std::size_t x = 0; x < decoded.width; ++x) {
      int sum = 0;
      for (int c = 0; c < 3; ++c) sum += static_cast<unsigned char>(decoded.scanlines[y * row + 1 + x * 3 + c]);
      if (sum < 3 * 120) ++dark;
      if (sum > 3 * 200) ++light;
    }
  }
  EXPECT_GT(dark, 200);
  EXPECT_GT(light, 120 * 40 / 2);
}

TEST(CaptchaRender, AnswersUseOnlyTheAlphabetAndVary) {
  std::set<std::string> answers, images;
  std::set<char> seen;
  for (int i = 0; i < 40; ++i) {
    const Captcha captcha = render_captcha();
    for (const char c : captcha.answer) {
      EXPECT_TRUE(in_alphabet(c)) << c;
      seen.insert(c);
    }
    answers.insert(captcha.answer);
    images.insert(captcha.png);
  }
  EXPECT_GE(answers.size(), 39u);
  EXPECT_EQ(images.size(), 40u);
  EXPECT_GE(seen.size(), 20u) << "200 draws should cover most of a 30-character alphabet";
}

TEST(CaptchaRender, IsReproducibleFromAnInjectedRandomSource) {
  ports::SeededRandom first(42), again(42), other(43);
  const Captcha a = render_captcha(first);
  const Captcha b = render_captcha(again);
  const Captcha c = render_captcha(other);
  EXPECT_EQ(a.answer, b.answer);
  EXPECT_EQ(a.png, b.png);
  EXPECT_NE(a.png, c.png);
}

TEST(CaptchaRender, HonoursLengthAndSizeOptions) {
  ports::SeededRandom random(7);
  CaptchaOptions options;
  options.length = 4;
  options.width = 160;
  options.height = 50;
  const Captcha captcha = render_captcha(random, options);
  EXPECT_EQ(captcha.answer.size(), 4u);
  const auto decoded = decode(captcha.png);
  EXPECT_EQ(decoded.width, 160u);
  EXPECT_EQ(decoded.height, 50u);
  options.length = 1;  // clamped: a one-character captcha would be guessed
  EXPECT_EQ(render_captcha(random, options).answer.size(), 4u);
}

TEST(CaptchaAnswer, MatchesIgnoringCaseAndSurroundingSpace) {
  EXPECT_TRUE(captcha_answer_matches("AB3CD", "AB3CD"));
  EXPECT_TRUE(captcha_answer_matches("AB3CD", "ab3cd"));
  EXPECT_TRUE(captcha_answer_matches("AB3CD", " Ab3Cd\n"));
  EXPECT_FALSE(captcha_answer_matches("AB3CD", "AB3C"));
  EXPECT_FALSE(captcha_answer_matches("AB3CD", "AB3CE"));
  EXPECT_FALSE(captcha_answer_matches("AB3CD", "AB 3CD"));
  EXPECT_FALSE(captcha_answer_matches("", ""));
}

TEST(CaptchaRender, WritesSamplesForAPersonToLookAtWhenAsked) {
  const char* dir = std::getenv("UIA_CAPTCHA_SAMPLE_DIR");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "set UIA_CAPTCHA_SAMPLE_DIR to write sample PNGs";
  for (int i = 0; i < 5; ++i) {
    const Captcha captcha = render_captcha();
    std::ofstream(std::string(dir) + "/captcha-" + std::to_string(i) + "-" + captcha.answer + ".png", std::ios::binary)
        << captcha.png;
  }
}

}  // namespace
}  // namespace uia::captcha
