// 法人登录, the second tab of the login page (seed 000 企业登录: "企业可通过账号/统一社会信用代码，
// 密码和验证码进行登录"): the enterprise account name or the USCC, password, captcha; links to
// 法人注册, 忘记密码 (法人找回密码) and 企业账号激活. Kept apart from login_page.cpp so the
// person forms and other login tabs change independently.
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct EnterpriseLoginState {
  ui::Field identifier, password, captcha;  // the captcha picture is the login page's own
  // 经办人登录 (seed 000 企业经办人账号登陆, seed 001 代理登录): the enterprise's USCC (in
  // `identifier`), the agent's phone or ID number and the agent's own person password.
  bool agent = false;
  ui::Field agent_id;
  bool submitted = false;
  bool busy = false;
  std::string error;
  std::string success;  // e.g. "您已安全退出登录" when another page sends the user here
  std::string info;  // what an account that cannot sign in yet is waiting for
  bool offer_appeal = false;  // the refusal says 请通过账号申诉处理: a button to it under the message
};

struct EnterpriseLoginActions {
  bool submit = false;  // POST /api/v1/sessions {"method": "enterprise_password" | "agent_password"}
  bool refresh_captcha = false;
  bool go_register = false;
  bool go_recovery = false;
  bool go_activation = false;
  bool go_appeal = false;  // 账号申诉
};

void EnterpriseLoginForm(const PageContext& ctx, EnterpriseLoginState& s, const CaptchaState& captcha_image,
                         EnterpriseLoginActions& out);

std::string EnterpriseLoginBody(const EnterpriseLoginState& s, const CaptchaState& captcha_image);

}  // namespace uia::web
