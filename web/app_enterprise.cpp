// The 法人 pages' REST side: 法人登录 (a tab of the login page), 法人注册 with its outcome (or the
// legal representative's face check), 法人找回密码 and 企业账号激活.
#include <cstdlib>

#include "app.h"
#include "platform.h"

namespace uia::web {

void App::go_enterprise_login(const std::string& message) {
  login_.kind = LoginState::kEnterprise;
  login_.enterprise.error.clear();
  login_.enterprise.info.clear();
  login_.enterprise.success = message;
  login_.enterprise.submitted = false;
  go(Page::Login);
}

void App::submit_enterprise_login() {
  EnterpriseLoginState& s = login_.enterprise;
  s.busy = true;
  net::send("POST", "/api/v1/sessions", EnterpriseLoginBody(s, login_.captcha_image), [this](const net::Response& r) {
    EnterpriseLoginState& s = login_.enterprise;
    s.busy = false;
    s.captcha.reset();
    load_captcha(login_.captcha_image);  // a captcha answers once
    if (r.ok()) {
      s.password.reset();
      enterprise_signed_in(r);
    } else {
      s.submitted = false;  // the answer is the message now, not "请输入图形验证码" under the spent captcha
      enterprise_login_failed(r);
    }
  });
}

// An account that exists but cannot sign in yet says what it waits for (error.next).
void App::enterprise_login_failed(const net::Response& r) {
  EnterpriseLoginState& s = login_.enterprise;
  const std::string next = r.get("error.next");
  if (next == "activate") {
    enterprise_activation_ = EnterpriseActivationState{};
    // The USCC typed here starts the activation form.
    if (std::string(s.identifier.str()).size() == 18) enterprise_activation_.uscc.set(s.identifier.str());
    go(Page::EnterpriseActivation);
    return;
  }
  if (next == "wait_for_registry") {
    s.info = "您的法人账号尚未通过工商登记信息核验（未实名用户）。系统会定时自动核验，核验通过后即可登录。";
    return;
  }
  if (r.get("error.status") == "pending_face") {
    s.info = "法人注册尚未完成法定代表人人脸识别，完成后即可登录。";
    return;
  }
  if (next == "appeal") {
    s.error = "企业信息与工商登记信息不一致，账号暂停使用，请通过账号申诉处理。";
    s.offer_appeal = true;
    return;
  }
  const std::string message = net::failure_message(r, "法人登录");
  const std::string field = r.get("error.field");
  if (field == "captcha_answer" || field == "captcha_id")
    s.captcha.server_error = message;
  else
    s.error = message;
}

void App::enterprise_signed_in(const net::Response& r) {
  net::set_csrf_token(r.get("csrf_token"));
  EnterpriseLoginState& s = login_.enterprise;
  s.submitted = false;
  s.error.clear();
  s.success.clear();
  s.info.clear();
  if (r.get("subject.type") == "agent") {  // 经办人登录 (method agent_password)
    agent_signed_in(r);
    return;
  }
  enterprise_centre_ = EnterpriseCentreState{};
  enterprise_centre_.enterprise_id = std::atoll(r.get("subject.enterprise_id").c_str());
  const std::string name = r.get("subject.name");
  enterprise_centre_.welcome = name.empty() ? "登录成功" : "登录成功，欢迎您，" + name;
  go(Page::EnterpriseCentre);
}

// ---- 法人注册

void App::frame_enterprise_register(const PageContext& ctx) {
  EnterpriseRegisterState& s = enterprise_register_;
  if (s.outcome == EnterpriseRegisterState::kForm) keep_captcha_fresh(s.captcha_image);
  EnterpriseRegisterActions a;
  EnterpriseRegisterPage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.request_sms)
    send_sms_code(s.sms, std::string(s.phone.str()), "enterprise_register", s.captcha_image, s.captcha, s.phone);
  if (ctx.now < s.sms.resend_at) wake_after(0.25);  // the countdown ticks
  if (a.submit) submit_enterprise_register(ctx.today);
  if (a.go_login) go_enterprise_login();
  if (a.go_activation) {
    enterprise_activation_ = EnterpriseActivationState{};
    go(Page::EnterpriseActivation);
  }
}

void App::submit_enterprise_register(Date today) {
  EnterpriseRegisterState& s = enterprise_register_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/enterprises", EnterpriseRegisterBody(profile_, s, today), [this](const net::Response& r) {
    EnterpriseRegisterState& s = enterprise_register_;
    s.busy = false;
    if (r.ok()) {
      const bool confirmed = r.get("registry_confirmed") == "true";
      s.outcome_name = std::string(s.name.str());
      s.password.reset();
      s.confirm.reset();
      s.sms_code.reset();
      s.submitted = false;
      if (r.get("status") == "pending_face" && !r.get("face_ticket").empty()) {
        face_ = FaceState{};
        face_.for_enterprise = true;
        face_.registry_confirmed = confirmed;
        FaceWaitFor(face_, r.get("face_ticket"), r.get("face_url"), now_, 0);
        go(Page::Face);
        return;
      }
      s.outcome = r.get("status") == "active" ? EnterpriseRegisterState::kVerified : EnterpriseRegisterState::kUnverified;
      scroll_to_top_ = true;
      return;
    }
    const std::string message = net::failure_message(r, "法人注册");
    const std::string field = r.get("error.field");
    if (r.get("error.next") == "activate") {
      s.error = message + "。该企业已由工商登记导入，请通过“企业账号激活”开通账号。";
      return;
    }
    if (field.empty() || !EnterpriseRegisterSetServerError(s, field, message)) s.error = message;
  });
}

// ---- 法人找回密码

void App::frame_enterprise_recovery(const PageContext& ctx) {
  EnterpriseRecoveryState& s = enterprise_recovery_;
  if (s.step == EnterpriseRecoveryState::kIdentify) keep_captcha_fresh(s.captcha_image);
  EnterpriseRecoveryActions a;
  EnterpriseRecoveryPage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.identify) enterprise_recovery_identify();
  if (a.finish) enterprise_recovery_finish();
  if (a.go_login) go_enterprise_login();
}

void App::enterprise_recovery_identify() {
  EnterpriseRecoveryState& s = enterprise_recovery_;
  s.busy = true;
  net::send("POST", "/api/v1/enterprises/recovery", EnterpriseRecoveryIdentifyBody(s), [this](const net::Response& r) {
    EnterpriseRecoveryState& s = enterprise_recovery_;
    s.busy = false;
    s.captcha.reset();
    if (!r.ok()) {
      load_captcha(s.captcha_image);  // spent
      const std::string message = net::failure_message(r, "法人找回密码");
      const std::string field = r.get("error.field");
      if (field.empty() || !EnterpriseRecoverySetServerError(s, field, message)) s.error = message;
      return;
    }
    s.recovery_id = r.get("recovery_id");
    s.masked_phone = r.get("phone");
    s.step = EnterpriseRecoveryState::kSms;
    s.submitted = false;
    scroll_to_top_ = true;
  });
}

void App::enterprise_recovery_finish() {
  EnterpriseRecoveryState& s = enterprise_recovery_;
  s.busy = true;
  net::send("POST", "/api/v1/enterprises/recovery/" + s.recovery_id + "/password", EnterpriseRecoveryPasswordBody(s),
            [this](const net::Response& r) {
              EnterpriseRecoveryState& s = enterprise_recovery_;
              s.busy = false;
              if (r.ok()) {
                s.step = EnterpriseRecoveryState::kDone;
                s.password.reset();
                s.confirm.reset();
                s.sms_code.reset();
                scroll_to_top_ = true;
                return;
              }
              const std::string message = net::failure_message(r, "法人找回密码");
              const std::string field = r.get("error.field");
              if (r.status == 404 || field == "recovery_id") {  // ran out: start again
                enterprise_recovery_ = EnterpriseRecoveryState{};
                enterprise_recovery_.error = message;
                return;
              }
              if (field.empty() || !EnterpriseRecoverySetServerError(s, field, message)) s.error = message;
            });
}

// ---- 企业账号激活

void App::frame_enterprise_activation(const PageContext& ctx) {
  EnterpriseActivationState& s = enterprise_activation_;
  if (s.step == EnterpriseActivationState::kInfo) keep_captcha_fresh(s.captcha_image);
  EnterpriseActivationActions a;
  EnterpriseActivationPage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.start) enterprise_activation_start();
  if (a.verify) enterprise_activation_verify();
  if (a.finish) enterprise_activation_finish();
  if (a.go_login) go_enterprise_login();
}

void App::enterprise_activation_start() {
  EnterpriseActivationState& s = enterprise_activation_;
  s.busy = true;
  net::send("POST", "/api/v1/enterprises/activation", EnterpriseActivationStartBody(s), [this](const net::Response& r) {
    EnterpriseActivationState& s = enterprise_activation_;
    s.busy = false;
    s.captcha.reset();
    if (!r.ok()) {
      load_captcha(s.captcha_image);  // spent
      const std::string message = net::failure_message(r, "企业账号激活");
      const std::string field = r.get("error.field");
      if (field.empty() || !EnterpriseActivationSetServerError(s, field, message)) s.error = message;
      return;
    }
    s.activation_id = r.get("activation_id");
    s.masked_phone = r.get("phone");
    s.step = EnterpriseActivationState::kSms;
    s.submitted = false;
    scroll_to_top_ = true;
  });
}

void App::enterprise_activation_verify() {
  EnterpriseActivationState& s = enterprise_activation_;
  s.busy = true;
  net::send("POST", "/api/v1/enterprises/activation/" + s.activation_id + "/sms", EnterpriseActivationSmsBody(s),
            [this](const net::Response& r) {
              EnterpriseActivationState& s = enterprise_activation_;
              s.busy = false;
              if (r.ok()) {
                s.step = EnterpriseActivationState::kAccount;
                s.submitted = false;
                scroll_to_top_ = true;
                return;
              }
              const std::string message = net::failure_message(r, "企业账号激活");
              if (r.status == 404) {  // the flow ran out: start again
                enterprise_activation_ = EnterpriseActivationState{};
                enterprise_activation_.error = message;
                return;
              }
              const std::string field = r.get("error.field");
              if (field.empty() || !EnterpriseActivationSetServerError(s, field, message)) s.error = message;
            });
}

void App::enterprise_activation_finish() {
  EnterpriseActivationState& s = enterprise_activation_;
  s.busy = true;
  net::send("POST", "/api/v1/enterprises/activation/" + s.activation_id + "/account",
            EnterpriseActivationAccountBody(s), [this](const net::Response& r) {
              EnterpriseActivationState& s = enterprise_activation_;
              s.busy = false;
              if (r.ok()) {
                s.status = r.get("status");
                s.step = EnterpriseActivationState::kDone;
                s.password.reset();
                s.confirm.reset();
                scroll_to_top_ = true;
                return;
              }
              const std::string message = net::failure_message(r, "企业账号激活");
              if (r.status == 404) {
                enterprise_activation_ = EnterpriseActivationState{};
                enterprise_activation_.error = message;
                return;
              }
              const std::string field = r.get("error.field");
              if (field.empty() || !EnterpriseActivationSetServerError(s, field, message)) s.error = message;
            });
}

}  // namespace uia::web
