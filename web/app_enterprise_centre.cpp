// 法人中心 (pages/enterprise_centre_page.h): the REST side. Every call names the enterprise the
// session acts for (/api/v1/enterprises/{id}); a change answers with the changed enterprise.
#include <cstdlib>

#include "app.h"
#include "images.h"
#include "json.h"
#include "platform.h"

namespace uia::web {

void App::frame_enterprise_centre(const PageContext& ctx) {
  EnterpriseCentreState& s = enterprise_centre_;
  if (s.tab == EnterpriseCentreState::kPhone) keep_captcha_fresh(s.captcha_image);
  EnterpriseCentreActions a;
  EnterpriseCentrePage(ctx, s, a);
  if (a.load) enterprise_load();
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.request_phone_sms)
    send_sms_code(s.sms, std::string(s.new_phone.str()), "enterprise_change_phone", s.captcha_image, s.captcha,
                  s.new_phone);
  if (ctx.now < s.sms.resend_at) wake_after(0.25);
  if (a.change_password) enterprise_change_password();
  if (a.change_phone) enterprise_change("phone", EnterprisePhoneBody(s), "联系手机已修改");
  if (a.change_info) enterprise_change("info", EnterpriseInfoBody(profile_, s), "企业信息已变更，并已通过工商登记信息核验");
  if (a.change_rep) enterprise_change("legal-representative", EnterpriseRepBody(s), "法定代表人已变更");
  agents_manage(s.agents, a.agents);
  if (a.sign_out) {
    s.busy = true;
    net::send("DELETE", "/api/v1/sessions/current", "", [this](const net::Response& r) {
      enterprise_centre_.busy = false;
      if (r.ok() || r.status == 401) {  // an already ended session is signed out too
        net::set_csrf_token("");
        images::release(enterprise_centre_.captcha_image.image);
        enterprise_centre_ = EnterpriseCentreState{};
        go_enterprise_login("您已安全退出登录");
        return;
      }
      enterprise_failed(r, "退出登录");
    });
  }
}

void App::enterprise_failed(const net::Response& r, const char* service) {
  const std::string message = net::failure_message(r, service);
  if (r.status == 401 || r.get("error.code") == "CSRF_INVALID") {
    // The session ended (password changed elsewhere, expired) or the page lost its CSRF token.
    net::set_csrf_token("");
    images::release(enterprise_centre_.captcha_image.image);
    enterprise_centre_ = EnterpriseCentreState{};
    go_enterprise_login(message);
    return;
  }
  const std::string field = r.get("error.field");
  if (field.empty() || !EnterpriseCentreSetServerError(enterprise_centre_, field, message))
    enterprise_centre_.error = message;
}

void App::enterprise_load() {
  EnterpriseCentreState& s = enterprise_centre_;
  s.loading = true;
  net::send("GET", "/api/v1/enterprises/" + std::to_string(s.enterprise_id), "", [this](const net::Response& r) {
    EnterpriseCentreState& s = enterprise_centre_;
    s.loading = false;
    if (!r.ok()) {
      enterprise_failed(r, "企业信息");
      return;
    }
    EnterpriseCentreLoad(profile_, s, [&r](const std::string& key) { return r.get(key); });
  });
}

void App::enterprise_change(const char* what, const std::string& body, const char* done_message) {
  EnterpriseCentreState& s = enterprise_centre_;
  s.busy = true;
  const std::string message = done_message;
  net::send("PUT", "/api/v1/enterprises/" + std::to_string(s.enterprise_id) + "/" + what, body,
            [this, message](const net::Response& r) {
              EnterpriseCentreState& s = enterprise_centre_;
              s.busy = false;
              if (!r.ok()) {
                enterprise_failed(r, "法人中心");
                return;
              }
              EnterpriseCentreLoad(profile_, s, [&r](const std::string& key) { return r.get(key); });
              s.success = message;
              s.submitted = false;
              // The forms start empty again.
              s.phone_password.reset();
              s.new_phone.reset();
              s.sms_code.reset();
              s.sms.reset();
              s.new_rep_name.reset();
              s.new_rep_id_number.reset();
            });
}

void App::enterprise_change_password() {
  EnterpriseCentreState& s = enterprise_centre_;
  s.busy = true;
  net::send("PUT", "/api/v1/enterprises/" + std::to_string(s.enterprise_id) + "/password", EnterprisePasswordBody(s),
            [this](const net::Response& r) {
              enterprise_centre_.busy = false;
              if (r.ok()) {
                // Every session of the enterprise ended, this one included.
                net::set_csrf_token("");
                images::release(enterprise_centre_.captcha_image.image);
                enterprise_centre_ = EnterpriseCentreState{};
                go_enterprise_login("密码已修改，所有设备上的登录均已退出，请使用新密码重新登录");
                return;
              }
              enterprise_failed(r, "修改密码");
            });
}

}  // namespace uia::web
