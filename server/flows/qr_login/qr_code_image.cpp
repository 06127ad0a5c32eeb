#include "flows/qr_login/qr_code_image.h"

#include <memory>

#include <qrencode.h>

#include "captcha/png.h"

namespace uia::flows {

std::string qr_code_png_data_url(const std::string& text, int scale) {
  constexpr int kQuietZone = 4;
  if (text.empty() || scale < 1 || scale > 32) return "";
  // QRcode_encodeString8bit: the text as bytes, so a URL's case and punctuation survive as-is.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M),
                                                       &QRcode_free);
  if (!code || code->width <= 0) return "";
  const int modules = code->width + 2 * kQuietZone;
  captcha::Image image(modules * scale, modules * scale, 1);
  std::fill(image.pixels.begin(), image.pixels.end(), std::uint8_t{255});
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      // Bit 0 of each byte: the module is dark. The other bits only say what it is part of.
      if ((code->data[y * code->width + x] & 1) == 0) continue;
      for (int dy = 0; dy < scale; ++dy) {
        const int row = (y + kQuietZone) * scale + dy;
        const int col = (x + kQuietZone) * scale;
        std::fill_n(image.pixels.begin() + static_cast<std::ptrdiff_t>(row) * image.width + col, scale, std::uint8_t{0});
      }
    }
  }
  const std::string png = captcha::encode_png(image);
  return png.empty() ? "" : captcha::png_data_url(png);
}

}  // namespace uia::flows
