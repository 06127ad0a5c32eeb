// The graphic captcha (图形验证码): a short code drawn with jitter, rotation and noise into a
// small PNG, rendered entirely on the server (no font files, no image library).
//
// The answer is case-insensitive for the person typing it: compare with captcha_answer_matches.
#pragma once
#include <string>
#include <string_view>

#include "captcha/png.h"
#include "ports/random.h"

namespace uia::captcha {

struct CaptchaOptions {
  int length = 5;   // clamped to 4..6
  int width = 120;  // pixels
  int height = 40;
};

struct Captcha {
  std::string answer;  // upper case, characters from captcha_alphabet()
  std::string png;     // the image as PNG bytes; png_data_url(png) for the API
};

// Draws a fresh captcha. `random` chooses the characters and every wobble; the default is the
// system CSPRNG, since the answer must not be predictable. Thread-safe with SystemRandom.
Captcha render_captcha(ports::Random& random, const CaptchaOptions& options = {});
Captcha render_captcha();

// true when `given` is the answer, ignoring case and surrounding spaces; constant-time in the
// contents, so timing does not reveal how many characters were right.
bool captcha_answer_matches(std::string_view answer, std::string_view given);

}  // namespace uia::captcha
