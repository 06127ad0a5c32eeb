// 账号激活 (pages/activation_page.h): the REST side.
#include <cstdlib>

#include "app.h"
#include "platform.h"

namespace uia::web {

void App::frame_activation(const PageContext& ctx) {
  ActivationState& s = activation_;
  if (s.step == ActivationState::kVerify) keep_captcha_fresh(s.captcha_image);
  ActivationActions a;
  ActivationPage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.request_sms) send_sms_code(s.sms, std::string(s.phone.str()), "activate", s.captcha_image, s.captcha, s.phone);
  if (ctx.now < s.sms.resend_at) wake_after(0.25);
  if (a.verify) activation_verify(ctx.today);
  if (a.load) activation_load();
  if (a.finish) activation_finish();
  if (a.go_login) go(Page::Login);
}

void App::activation_failed(const net::Response& r, const char* service) {
  ActivationState& s = activation_;
  std::string message = net::failure_message(r, service);
  std::string field = r.get("error.field");
  // The flow ran out (15 minutes) or its id is unknown: start again from step 1.
  if (field == "activation_id") {
    s.step = ActivationState::kVerify;
    s.activation_id.clear();
    s.loaded = false;
    s.error = message;
    return;
  }
  if (field.empty() || !ActivationSetServerError(s, field, message)) s.error = message;
}

void App::activation_verify(Date today) {
  ActivationState& s = activation_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/activation", ActivationVerifyBody(s, today), [this](const net::Response& r) {
    ActivationState& s = activation_;
    s.busy = false;
    if (!r.ok()) {
      activation_failed(r, "账号激活");
      return;
    }
    s.activation_id = r.get("activation_id");
    s.step = ActivationState::kAccount;
    s.submitted = false;
    s.loaded = false;
    scroll_to_top_ = true;
  });
}

// What step 2 must collect: `missing` is an array, flattened to missing.0, missing.1, ...
void App::activation_load() {
  ActivationState& s = activation_;
  s.loading = true;
  net::send("GET", "/api/v1/activation/" + s.activation_id, "", [this](const net::Response& r) {
    ActivationState& s = activation_;
    s.loading = false;
    if (!r.ok()) {
      activation_failed(r, "账号激活");
      return;
    }
    s.loaded = true;
    s.masked_name = r.get("name");
    s.masked_id_number = r.get("id_number");
    s.masked_phone = r.get("phone");
    s.needs_validity = false;
    for (int i = 0;; ++i) {
      std::string item = r.get("missing." + std::to_string(i));
      if (item.empty()) break;
      if (item == "id_valid_from" || item == "id_valid_to") s.needs_validity = true;
    }
  });
}

void App::activation_finish() {
  ActivationState& s = activation_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/activation/" + s.activation_id + "/account", ActivationAccountBody(s, profile_),
            [this](const net::Response& r) {
              ActivationState& s = activation_;
              s.busy = false;
              if (!r.ok()) {
                activation_failed(r, "账号激活");
                return;
              }
              s.step = ActivationState::kDone;
              s.success = s.account.empty() ? std::string("账号已激活，请使用刚设置的密码登录")
                                            : "账号已激活，请使用刚设置的账号“" + std::string(s.account.str()) + "”和密码登录";
              s.password.reset();
              s.confirm.reset();
              scroll_to_top_ = true;
            });
}

}  // namespace uia::web
