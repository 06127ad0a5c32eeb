#include "captcha/png.h"

#include <sodium.h>
#include <zlib.h>

#include <cstdint>

namespace uia::captcha {
namespace {

void put_u32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

// length, type, data, then CRC-32 over type + data (PNG spec section 5.3).
void put_chunk(std::string& out, const char type[4], const std::string& data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  const std::string typed = std::string(type, 4) + data;
  out += typed;
  put_u32(out, static_cast<std::uint32_t>(
                   crc32(0L, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()))));
}

}  // namespace

std::string encode_png(const Image& image) {
  if (image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3)) return {};
  const std::size_t row_bytes = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.channels);
  if (image.pixels.size() != row_bytes * static_cast<std::size_t>(image.height)) return {};

  // Each scanline starts with its filter type; 0 (None) keeps the writer trivial, and zlib
  // still shrinks a flat-background captcha well.
  std::string raw;
  raw.reserve((row_bytes + 1) * static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    raw.push_back('\0');
    raw.append(reinterpret_cast<const char*>(image.pixels.data()) + static_cast<std::size_t>(y) * row_bytes, row_bytes);
  }
  uLongf compressed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string compressed(compressed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &compressed_size, reinterpret_cast<const Bytef*>(raw.data()),
                static_cast<uLong>(raw.size()), Z_BEST_COMPRESSION) != Z_OK) {
    return {};
  }
  compressed.resize(compressed_size);

  std::string header;
  put_u32(header, static_cast<std::uint32_t>(image.width));
  put_u32(header, static_cast<std::uint32_t>(image.height));
  header.push_back(8);                                  // bit depth
  header.push_back(image.channels == 3 ? 2 : 0);        // colour type: truecolour or greyscale
  header.push_back(0);                                  // compression: deflate
  header.push_back(0);                                  // filter method 0
  header.push_back(0);                                  // no interlace

  std::string png("\x89PNG\r\n\x1a\n", 8);
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", compressed);
  put_chunk(png, "IEND", {});
  return png;
}

std::string png_data_url(const std::string& png) {
  const std::size_t encoded_size = sodium_base64_ENCODED_LEN(png.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string base64(encoded_size, '\0');
  sodium_bin2base64(base64.data(), base64.size(), reinterpret_cast<const unsigned char*>(png.data()), png.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  base64.resize(encoded_size - 1);  // drop the NUL
  return "data:image/png;base64," + base64;
}

}  // namespace uia::captcha
