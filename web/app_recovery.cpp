// 找回密码 (pages/recovery_page.h): the REST side.
#include <cstdlib>

#include "app.h"
#include "platform.h"

namespace uia::web {

void App::frame_recovery(const PageContext& ctx) {
  RecoveryState& s = recovery_;
  if (s.step == RecoveryState::kIdentify) keep_captcha_fresh(s.captcha_image);
  RecoveryActions a;
  RecoveryPage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.identify) recovery_identify(ctx.today);
  if (a.request_sms) send_sms_to_phone_on_file(s.sms, "/api/v1/recovery/" + s.recovery_id + "/sms");
  if (a.request_email) recovery_send_email();
  if (ctx.now < s.sms.resend_at || ctx.now < s.email.resend_at) wake_after(0.25);
  if (a.finish) recovery_finish();
  if (a.go_login) go(Page::Login);
}

void App::recovery_identify(Date today) {
  RecoveryState& s = recovery_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/recovery", RecoveryIdentifyBody(s, today), [this](const net::Response& r) {
    RecoveryState& s = recovery_;
    s.busy = false;
    s.captcha.reset();
    if (!r.ok()) {
      load_captcha(s.captcha_image);  // spent
      std::string message = net::failure_message(r, "找回密码");
      std::string field = r.get("error.field");
      if (field.empty() || !RecoverySetServerError(s, field, message)) s.error = message;
      return;
    }
    s.recovery_id = r.get("recovery_id");
    s.masked_phone = r.get("phone");
    s.masked_email = r.get("email");
    s.methods.clear();
    for (int i = 0;; ++i) {
      std::string m = r.get("methods." + std::to_string(i));
      if (m.empty()) break;
      if (RecoveryMethodOffered(profile_, m)) s.methods.push_back(m);  // the profile's ways only
    }
    if (s.methods.empty()) s.methods.push_back("phone");  // an older server: SMS only
    s.method = s.methods.front();
    s.questions.clear();
    for (int i = 0;; ++i) {
      std::string q = r.get("questions." + std::to_string(i) + ".text");
      if (q.empty()) break;
      s.questions.push_back(q);
    }
    s.step = RecoveryState::kSms;
    s.submitted = false;
    scroll_to_top_ = true;
  });
}

void App::recovery_send_email() {
  RecoveryState& s = recovery_;
  if (s.email.busy) return;
  s.email.busy = true;
  s.email.info.clear();
  net::send("POST", "/api/v1/recovery/" + s.recovery_id + "/email", "{}", [this](const net::Response& r) {
    RecoveryState& s = recovery_;
    s.email.busy = false;
    if (!r.ok()) {
      s.email.error = net::failure_message(r, "邮箱验证码");
      return;
    }
    int resend = std::atoi(r.get("resend_after").c_str());
    s.email.resend_at = now_ + (resend > 0 ? resend : 60);
    int minutes = std::atoi(r.get("expires_in").c_str()) / 60;
    s.email.info = "验证码已发送至 " + r.get("email") +
                   (minutes > 0 ? "，" + std::to_string(minutes) + "分钟内有效" : std::string());
  });
}

void App::recovery_finish() {
  RecoveryState& s = recovery_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/recovery/" + s.recovery_id + "/password", RecoveryPasswordBody(s),
            [this](const net::Response& r) {
              RecoveryState& s = recovery_;
              s.busy = false;
              if (r.ok()) {
                s.step = RecoveryState::kDone;
                s.password.reset();
                s.confirm.reset();
                s.sms_code.reset();
                scroll_to_top_ = true;
                return;
              }
              std::string message = net::failure_message(r, "找回密码");
              std::string field = r.get("error.field");
              if (field == "recovery_id") {  // ran out: start again
                RecoveryState fresh;
                fresh.error = message;
                recovery_ = std::move(fresh);
                return;
              }
              if (field.empty() || !RecoverySetServerError(s, field, message)) s.error = message;
            });
}

}  // namespace uia::web
