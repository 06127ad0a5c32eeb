// 申诉进度查询: the case number and the phone the appeal named, captcha and SMS code (purpose
// appeal) → POST /api/v1/appeals/progress → the case's kind, status (shared/appeals labels),
// dates, the reviewer's reason when rejected, and 去登录 once approved.
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct AppealProgressState {
  ui::Field case_number, phone, captcha, sms_code;
  CaptchaState captcha_image;
  SmsState sms;
  bool submitted = false;
  bool busy = false;
  std::string error;
  // The answer.
  bool found = false;
  std::string kind, kind_label, status, submitted_at, due_at, decided_at, reason;
};

struct AppealProgressActions {
  bool query = false;        // POST /api/v1/appeals/progress
  bool request_sms = false;  // POST /api/v1/sms/codes (purpose appeal)
  bool refresh_captcha = false;
  bool go_home = false;
  bool go_login = false;  // approved: sign in (a person's or the 法人登录 tab by the kind)
};

void AppealProgressPage(const PageContext& ctx, AppealProgressState& s, AppealProgressActions& out);
std::string AppealProgressBody(const AppealProgressState& s);

}  // namespace uia::web
