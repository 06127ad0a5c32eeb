// Graphic captchas: issued as a PNG with an id, answered once. The answer is stored hashed; a
// captcha is consumed by the first attempt, right or wrong, so it cannot be brute-forced.
#pragma once
#include <string>

#include "api/error_code.h"
#include "app/services.h"

namespace uia::flows {

struct IssuedCaptcha {
  std::string id;
  std::string image_data_url;  // data:image/png;base64,...
  int expires_in = 0;
};

// The image comes from services.captcha_pool when there is one (drawn ahead), else is drawn now.
IssuedCaptcha issue_captcha(app::Services& services);
// Ok, CaptchaInvalid or CaptchaExpired. Consumes the captcha whatever the outcome.
ErrorCode consume_captcha(app::Services& services, soci::session& sql, const std::string& id,
                          const std::string& answer);
// Dev mode only: the answer of an unexpired, unused captcha (GET /api/dev/captcha/{id}).
std::optional<std::string> dev_captcha_answer(app::Services& services, const std::string& id);

}  // namespace uia::flows
