// 用户登录: sign in with what the profile's login_identifiers list (seed 000: "自然人使用账号/
// 手机号/身份证号码, 用户密码, 验证码进行登录"; 001: 手机号/身份证号/证件号), password and
// captcha, or (when login_methods lists them) 手机验证码登录:
// mobile number, captcha (it guards the SMS), SMS code; or 扫码登录 (pages/login_qr.h). Links to
// 忘记密码, 账号激活 and 注册. A first row of tabs switches between 个人登录 and 法人登录
// (enterprise_login_form.h). Opened by a business system (OpenID Connect), it first says which
// system asks. Under the personal forms, 其他登录方式: a button per upstream platform
// (pages/login_upstream.h), e.g. 国家政务服务平台登录.
#pragma once
#include <string>

#include "pages/enterprise_login_form.h"
#include "pages/login_qr.h"
#include "pages/login_upstream.h"
#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct LoginState {
  enum Kind { kPerson, kEnterprise };  // 个人登录 | 法人登录
  int kind = kPerson;
  EnterpriseLoginState enterprise;     // the 法人登录 tab (enterprise_login_form.h)
  enum Mode { kPasswordMode, kSmsMode, kQrMode };  // tabs shown as profile.login_methods lists them
  int mode = kPasswordMode;
  // The selected tab of the password form: its identifier kind from profile.login_identifiers
  // ("account", "phone", "id_number", "document"); empty = the profile's first.
  std::string method;
  ui::Field identifier, password, captcha;
  ui::Field phone, sms_code;  // SMS mode (the captcha field is shared: one picture per page)
  CaptchaState captcha_image;
  SmsState sms;
  QrLoginState qr;  // 扫码登录 tab
  UpstreamLoginState upstream;  // 其他登录方式 (国家政务服务平台登录, ...)
  bool submitted = false;  // 登录 pressed at least once: show every field's message
  bool busy = false;       // request in flight
  std::string error;       // from the server
  std::string success;     // e.g. "密码已修改，请重新登录" when another page sends the user here
  // A business system sent the browser here to sign in (OpenID Connect, /#/login?oidc=<id>):
  // its name and the real-name level it requires (1 = any), shown above the form.
  std::string asking_system;
  int asking_level = 1;
  std::string asking_level_label;
};

struct LoginActions {
  bool submit = false;           // password mode, all fields pass: POST /api/v1/sessions
  bool submit_sms = false;       // SMS mode: POST /api/v1/sessions {"method":"sms"}
  bool request_sms = false;      // POST /api/v1/sms/codes (purpose login)
  bool go_register = false;
  bool go_recovery = false;
  bool go_activation = false;
  bool go_appeal = false;  // 账号申诉
  bool refresh_captcha = false;
  EnterpriseLoginActions enterprise;  // the 法人登录 tab
  QrLoginActions qr;
  UpstreamLoginActions upstream;
};

void LoginPage(const PageContext& ctx, LoginState& s, LoginActions& out);

}  // namespace uia::web
