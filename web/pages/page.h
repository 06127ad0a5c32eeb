// What every page gets from the app: where to lay out the form, today's date and the clock.
// A page is a function that draws from its own state struct and reports what the user asked
// for in an actions struct; the app (app.cpp) performs the actions. Pages never call each other.
#pragma once
#include <string>

#include "images.h"
#include "policy/date.h"
#include "profile/profile.h"
#include "ui.h"

namespace uia::web {

struct PageContext {
  ui::Form form;
  Date today;
  double now = 0;  // seconds (monotonic)
  // The province profile the server runs with (GET /api/v1/profile): every rule, catalogue and
  // level name a page shows comes from here. Pages are drawn only once it has arrived.
  const Profile* profile = nullptr;
};

// A graphical captcha fetched from GET /api/v1/captcha.
struct CaptchaState {
  enum class Status { Empty, Loading, Ready, Failed };
  Status status = Status::Empty;
  std::string id;
  images::Image image;
  double expires_at = 0;  // PageContext::now after which the server no longer accepts it
};

// The captcha picture as a button (click = new picture); true when clicked.
bool CaptchaButton(const CaptchaState& captcha, ImVec2 size);

// An SMS code that was (or is being) sent: the button's countdown and what to say about it.
struct SmsState {
  bool busy = false;       // request in flight: the button cannot send twice
  double resend_at = 0;    // PageContext::now from which 获取验证码 works again
  std::string info;        // "验证码已发送至 150****0058"
  std::string error;       // the server's refusal (rate limit, ...)
  void reset() { *this = SmsState{}; }
};

// The message a field shows: the server's word about it first, else its live check once the
// user has typed in it or left it, or after a submit attempt.
std::string_view ShownError(const ui::Field& f, std::string_view live_message, bool submitted);

// 图形验证码 + picture; true when the picture was clicked (= load a new one).
bool CaptchaRow(const ui::Form& form, ui::Field& answer, const CaptchaState& captcha, std::string_view message);

// 短信验证码 + 获取验证码 (counting down after a send) + the line under it: the field's error,
// the send error, or where the code went. True when 获取验证码 was pressed.
bool SmsCodeRow(const PageContext& ctx, ui::Field& code, const SmsState& sms, std::string_view message);

// A row of tabs that wraps onto more rows when the labels do not fit (375 px phones). Returns
// true when the selection changed.
bool TabRow(const ui::Form& form, const char* const labels[], int count, int* selected);

// "① 填写用户信息 ② 短信验证 ③ 设置新密码": where a multi-step page is (current from 0).
void StepIndicator(const ui::Form& form, const char* const labels[], int count, int current);

// A value the user cannot change (masked data from the server) as a read-only text field, so
// it reads like the form around it and screen readers get it as a labelled value.
void ReadOnlyRow(const ui::Form& form, const char* label, std::string_view value);

// "账号应为6-20位字符，字母开头" from the profile's policy, so hint and rule never disagree.
std::string AccountRuleHint(const AccountNamePolicy& policy);

// A new password's field: its message when there is one, else the profile's password rule under
// it (password_rule_text: too long for a placeholder beside the 显示 button on a phone).
void NewPasswordRow(const ui::Form& form, const PasswordPolicy& policy, const ui::TextFieldSpec& spec,
                    ui::Field& field, std::string_view message);

// Page title with an optional link at the right end of the row; true when the link was pressed.
bool TitleRow(const ui::Form& form, const char* title, const char* link = nullptr);

// Success / error banner under a form (role=alert); nothing when both are empty.
void ResultMessage(const ui::Form& form, const std::string& error, const std::string& success);

}  // namespace uia::web
