// 法人注册 (seeds 000 企业注册, 001 法人用户注册, 003 法人注册): 法人信息 (legal-person type, name,
// USCC), 法定代表人信息 (a real-name person already on the platform: name, document type and
// number, validity), 联系手机 with captcha and SMS code (purpose enterprise_register), 账号与密码
// (strength meter, confirmation), agreement. Every field is checked live with the shared rules.
// After POST /api/v1/enterprises the page shows the outcome: registered and verified by the
// business registry, registered but not yet verified (the registry does not know the
// enterprise yet; re-checked automatically, seed 003 "未实名用户"), or on to the legal
// representative's face check (the face page of the citizen flow).
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct EnterpriseRegisterState {
  enum Term { kNoTerm = -1, kFiveYears, kTenYears, kTwentyYears, kLongTerm };
  enum Outcome { kForm, kVerified, kUnverified };

  int org_type = 0;
  ui::Field name, uscc;
  ui::Field rep_name, rep_id_number;
  int rep_id_type = 0;
  int term = kNoTerm;
  ui::Field valid_from, valid_to;
  ui::Field phone, captcha, sms_code;
  ui::Field account, password, confirm;
  bool agree = false;
  CaptchaState captcha_image;
  SmsState sms;

  bool submitted = false;
  bool busy = false;
  std::string error;
  int outcome = kForm;
  std::string outcome_name;  // the enterprise name the outcome is about
};

struct EnterpriseRegisterActions {
  bool submit = false;       // POST /api/v1/enterprises
  bool request_sms = false;  // POST /api/v1/sms/codes (purpose enterprise_register)
  bool refresh_captcha = false;
  bool go_login = false;     // the login page's 法人登录 tab
  bool go_activation = false;
};

void EnterpriseRegisterPage(const PageContext& ctx, EnterpriseRegisterState& s, EnterpriseRegisterActions& out);

std::string EnterpriseRegisterBody(const EnterpriseRegisterState& s, Date today, const Profile& profile);
// A server error under the field it names; false when none matches.
bool EnterpriseRegisterSetServerError(EnterpriseRegisterState& s, const std::string& field, const std::string& message);
// The "unverified" explanation shared with the face page's end.
const char* EnterpriseUnverifiedText();

}  // namespace uia::web
