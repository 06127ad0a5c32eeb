// 法人找回密码 (seed 000 企业忘记密码): ①确认账号: the enterprise account or USCC, the legal
// representative's name and ID number, captcha; the server sends a code to the phone the
// enterprise registered and shows it masked. ②短信验证: that code. ③设置新密码: the new password
// twice; the server checks the code with it (a wrong code brings step ② back with its message).
//   POST /api/v1/enterprises/recovery, POST /api/v1/enterprises/recovery/{id}/password
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct EnterpriseRecoveryState {
  enum Step { kIdentify, kSms, kPassword, kDone };
  int step = kIdentify;
  ui::Field identifier, rep_name, rep_id_number, captcha;
  CaptchaState captcha_image;
  std::string recovery_id, masked_phone;
  ui::Field sms_code, password, confirm;
  bool submitted = false;
  bool busy = false;
  std::string error;
};

struct EnterpriseRecoveryActions {
  bool identify = false;  // POST /api/v1/enterprises/recovery
  bool finish = false;    // POST /api/v1/enterprises/recovery/{id}/password
  bool refresh_captcha = false;
  bool go_login = false;
};

void EnterpriseRecoveryPage(const PageContext& ctx, EnterpriseRecoveryState& s, EnterpriseRecoveryActions& out);
std::string EnterpriseRecoveryIdentifyBody(const EnterpriseRecoveryState& s);
std::string EnterpriseRecoveryPasswordBody(const EnterpriseRecoveryState& s);
bool EnterpriseRecoverySetServerError(EnterpriseRecoveryState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
