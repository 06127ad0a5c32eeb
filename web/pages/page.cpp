#include "pages/page.h"

namespace uia::web {

bool CaptchaButton(const CaptchaState& captcha, ImVec2 size) {
  const char* placeholder = "";
  switch (captcha.status) {
    case CaptchaState::Status::Empty:
    case CaptchaState::Status::Loading: placeholder = "加载中…"; break;
    case CaptchaState::Status::Failed: placeholder = "点击重试"; break;
    case CaptchaState::Status::Ready: placeholder = ""; break;
  }
  ImTextureID tex = captcha.status == CaptchaState::Status::Ready ? captcha.image.texture : nullptr;
  return ui::ImageButton("刷新图形验证码", tex, size, placeholder,
                         ImVec2(static_cast<float>(captcha.image.width), static_cast<float>(captcha.image.height)));
}

}  // namespace uia::web
