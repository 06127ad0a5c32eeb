// 人脸识别认证: the face step of registration (seed 000: 注册信息提交后, 使用手机App扫码完成人脸
// 识别, 通过后账号激活; the account is then at level 3, named on the profile's ladder) and its
// retry for an account left in pending_face.
// Waiting: the ticket and the link to open on the phone are shown with the time left, and the
// page asks the server every two seconds how the check stands (GET /api/v1/face/checks/{ticket}).
// Passed: the account is active, on to login. Failed, expired or replaced: the person proves the
// password again (account + password + captcha, as at sign-in) for a new ticket
// (POST /api/v1/face/checks). The same page waits for a legal representative's check after a
// 法人注册 (for_enterprise).
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct FaceState {
  enum Mode { kWaiting, kPassed, kRetry };
  int mode = kRetry;
  bool from_registration = false;  // the step indicator shows 注册 → 人脸识别 → 完成
  // 法人注册: the legal representative's check. Passed: the enterprise is registered, verified by
  // the business registry or not yet (registry_confirmed); failed or expired: the registration
  // is withdrawn and is made again (no retry form: it proves a person's password).
  bool for_enterprise = false;
  bool registry_confirmed = true;
  // The check in progress
  std::string ticket, url;
  double expires_at = 0;  // PageContext::now
  bool polling = false;   // a status request is in flight
  double next_poll_at = 0;
  std::string outcome;    // why a new check is needed ("人脸识别未通过", ...)
  // A new check
  ui::Field identifier, password, captcha;
  CaptchaState captcha_image;
  bool submitted = false;
  bool busy = false;
  std::string error;
};

struct FaceActions {
  bool retry = false;  // POST /api/v1/face/checks
  bool refresh_captcha = false;
  bool go_login = false;
  bool go_enterprise_register = false;  // 法人注册 again after a failed check
};

void FacePage(const PageContext& ctx, FaceState& s, FaceActions& out);

// Starts waiting on a ticket the server just issued (expires_in seconds from now).
void FaceWaitFor(FaceState& s, const std::string& ticket, const std::string& url, double now, int expires_in);
// What the person is told for a status other than pending/passed ("人脸识别未通过，..." ...).
const char* FaceOutcomeText(const std::string& status);
std::string FaceRetryBody(const FaceState& s);
bool FaceSetServerError(FaceState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
