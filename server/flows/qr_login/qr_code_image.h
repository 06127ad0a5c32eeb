// A QR code as a PNG data URL, drawn from libqrencode's module matrix with the PNG writer the
// captcha uses: black modules on white, a 4-module quiet zone (what scanners expect), error
// correction level M (a screen photographed at an angle still reads).
#pragma once
#include <string>

namespace uia::flows {

// "data:image/png;base64,..." of `text` as a QR code, `scale` pixels per module; "" if the text
// does not fit a QR code (libqrencode refuses) or the arguments are unusable.
std::string qr_code_png_data_url(const std::string& text, int scale = 6);

}  // namespace uia::flows
