// 企业账号激活 (seed 000 五.1): an enterprise the platform knows from the business registry but
// that was never set up (pending_activation) gets its account in three steps: ①企业信息 (USCC,
// name, the legal representative's name and ID number, the contact phone, captcha; the code goes
// to that phone), ②短信验证, ③设置账号 (account name and password).
//   POST /api/v1/enterprises/activation, .../{id}/sms, .../{id}/account
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct EnterpriseActivationState {
  enum Step { kInfo, kSms, kAccount, kDone };
  int step = kInfo;
  ui::Field uscc, name, rep_name, rep_id_number, phone, captcha;
  CaptchaState captcha_image;
  std::string activation_id, masked_phone;
  ui::Field sms_code;
  ui::Field account, password, confirm;
  std::string status;  // the answer of step 3: active | unverified
  bool submitted = false;
  bool busy = false;
  std::string error;
};

struct EnterpriseActivationActions {
  bool start = false;    // POST /api/v1/enterprises/activation
  bool verify = false;   // POST .../{id}/sms
  bool finish = false;   // POST .../{id}/account
  bool refresh_captcha = false;
  bool go_login = false;
};

void EnterpriseActivationPage(const PageContext& ctx, EnterpriseActivationState& s, EnterpriseActivationActions& out);
std::string EnterpriseActivationStartBody(const EnterpriseActivationState& s);
std::string EnterpriseActivationSmsBody(const EnterpriseActivationState& s);
std::string EnterpriseActivationAccountBody(const EnterpriseActivationState& s);
bool EnterpriseActivationSetServerError(EnterpriseActivationState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
