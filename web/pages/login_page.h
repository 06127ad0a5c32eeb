// 用户登录: sign in with account name, mobile number or ID number, password and captcha
// (seed 000: "自然人使用账号/手机号/身份证号码, 用户密码, 验证码进行登录").
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct LoginState {
  enum Method { kAccount, kPhone, kIdNumber };
  int method = kAccount;
  ui::Field identifier, password, captcha;
  CaptchaState captcha_image;
  bool submitted = false;  // 登录 pressed at least once: show every field's message
  bool busy = false;       // request in flight
  std::string error;       // from the server
  std::string success;
};

struct LoginActions {
  bool submit = false;           // all fields pass: POST /api/v1/sessions
  bool go_register = false;
  bool refresh_captcha = false;
};

void LoginPage(const PageContext& ctx, LoginState& s, LoginActions& out);

}  // namespace uia::web
