// A minimal PNG writer (8-bit grayscale or RGB, no interlace, filter 0, one zlib IDAT): all a
// server-drawn captcha needs, without pulling in libpng.
#pragma once
#include <string>

#include "captcha/image.h"

namespace uia::captcha {

// The PNG file as bytes; empty if the image is malformed (size mismatch, channels not 1 or 3).
std::string encode_png(const Image& image);

// "data:image/png;base64,..." for an <img src> or the captcha JSON's "image" field.
std::string png_data_url(const std::string& png);

}  // namespace uia::captcha
