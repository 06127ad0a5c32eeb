// 找回密码 (seed 000, 自然人忘记密码): (1) 填写用户信息: name + ID number + captcha, answered
// with the ways the person can prove it is them (methods: phone, email, security_questions);
// (2) 安全验证: the chosen way (手机短信 code to the masked phone, 邮箱 code to the masked
// e-mail, or the answers to the three 密保问题); (3) 设置新密码: new password twice. The server checks the code only with the new password, so a wrong code
// sends the user back to step 2 with the server's message.
#pragma once
#include <string>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct RecoveryState {
  enum Step { kIdentify, kSms, kPassword, kDone };
  int step = kIdentify;
  ui::Field name, id_number, captcha;
  CaptchaState captcha_image;
  std::string recovery_id;
  std::string masked_phone, masked_email;
  std::vector<std::string> methods;    // as the server lists them
  std::string method = "phone";        // the chosen one
  std::vector<std::string> questions;  // the 密保问题 on file, in order
  ui::Field sms_code, email_code, answers[3];
  SmsState sms, email;
  ui::Field password, confirm;
  bool submitted = false;  // the current step's button pressed at least once
  bool busy = false;
  std::string error;
};

struct RecoveryActions {
  bool identify = false;       // POST /api/v1/recovery
  bool request_sms = false;    // POST /api/v1/recovery/{id}/sms
  bool request_email = false;  // POST /api/v1/recovery/{id}/email
  bool finish = false;         // POST /api/v1/recovery/{id}/password
  bool refresh_captcha = false;
  bool go_login = false;
};

void RecoveryPage(const PageContext& ctx, RecoveryState& s, RecoveryActions& out);

// True when the page offers the server's recovery method `method` ("phone", "email",
// "security_questions") under this profile: the profile's recovery_methods list it (as "sms",
// "email", "security_question"). The page builds no other method (face, alipay) yet.
bool RecoveryMethodOffered(const Profile& profile, std::string_view method);

std::string RecoveryIdentifyBody(const RecoveryState& s, Date today);
std::string RecoveryPasswordBody(const RecoveryState& s);
// Puts a server error under its field (and on the step that shows it); false when none matches.
bool RecoverySetServerError(RecoveryState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
