// 个人注册: natural-person registration (seed 000, 自然人注册 / 账号信息): account (only when the
// profile's account.mode is user_chosen), password,
// name, document type and number, validity period (not for holders under 16), mobile number
// with captcha and SMS code, agreement. Every field is checked live with the shared rules.
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct RegisterState {
  enum IdType { kResident, kHkMacau, kTaiwan, kPassport, kForeignPermanent };
  enum Term { kNoTerm = -1, kFiveYears, kTenYears, kTwentyYears, kLongTerm };

  ui::Field account, password, confirm;
  ui::Field name, id_number, birth_date;
  int id_type = kResident;
  int gender = -1;  // documents other than the resident ID: 0 male, 1 female
  int term = kNoTerm;
  ui::Field valid_from, valid_to;
  ui::Field phone, captcha, sms_code;
  bool agree = false;
  CaptchaState captcha_image;

  bool submitted = false;     // 注册 pressed at least once
  bool busy = false;
  std::string error;          // form-level message (server or "please correct")
  std::string success;
  // SMS code button
  bool sms_busy = false;
  double sms_resend_at = 0;   // ctx.now when 获取验证码 is allowed again
  std::string sms_error;
  std::string sms_info;
};

struct RegisterActions {
  bool submit = false;          // everything passes: POST /api/v1/persons
  bool request_sms = false;     // POST /api/v1/sms/codes (purpose register)
  bool refresh_captcha = false;
  bool go_login = false;
};

void RegisterPage(const PageContext& ctx, RegisterState& s, RegisterActions& out);

// The POST /api/v1/persons body for the current form (API-CONTRACT.md, Natural persons).
std::string RegisterRequestBody(const RegisterState& s, Date today, const Profile& profile);
// The REST name of the selected document type ("resident", "hk_macau_permit", ...).
const char* RegisterIdTypeName(int id_type);
// Routes a server error about `field` to the form field it concerns; false if none matches.
bool RegisterSetServerError(RegisterState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
