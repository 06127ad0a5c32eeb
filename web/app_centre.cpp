// 个人中心 (pages/centre_page.h): the REST side. Every call rides on the HttpOnly session
// cookie; unsafe ones carry X-CSRF-Token (net.cpp).
#include <cstdlib>

#include "app.h"
#include "ids/id_types.h"
#include "json.h"
#include "platform.h"

namespace uia::web {

void App::frame_centre(const PageContext& ctx) {
  CentreState& s = centre_;
  if (s.tab == CentreState::kPhone) keep_captcha_fresh(s.captcha_image);
  CentreActions a;
  CentrePage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.load_me) load_me();
  if (a.load_sessions) load_sessions();
  if (a.change_password) change_password();
  if (a.request_phone_sms)
    send_sms_code(s.sms, std::string(s.new_phone.str()), "change_phone", s.captcha_image, s.captcha, s.new_phone);
  if (a.change_phone) change_phone();
  if (a.revoke_session) revoke_session(a.revoke_session);
  if (a.request_delete_sms) send_sms_to_phone_on_file(s.delete_sms, "/api/v1/me/deletion/sms");
  if (a.delete_account) delete_account();
  if (a.sign_out) sign_out();
  if (a.load_profile) load_profile();
  if (a.save_profile) save_profile();
  if (a.load_addresses) load_addresses();
  if (a.save_address) save_address();
  if (a.delete_address) delete_address(a.delete_address);
  if (a.default_address) make_default_address(a.default_address);
  if (a.load_security) load_security();
  if (a.request_email_code) request_email_code();
  if (a.verify_email) verify_email();
  if (a.set_questions) set_security_questions();
  if (a.load_authorized) load_authorized_clients();
  if (!a.unauthorize.empty()) unauthorize_client(a.unauthorize);
  frame_relations(ctx, a.relations);
  if (a.load_agent_grants) load_agent_grants();
  if (a.accept_grant) answer_agent_grant(a.accept_grant, "accept");
  if (a.refuse_grant) answer_agent_grant(a.refuse_grant, "refuse");
  if (a.act_for >= 0) act_for_enterprise(a.act_for);
  if (a.request_grant) request_agent_grant();
  if (ctx.now < s.sms.resend_at || ctx.now < s.delete_sms.resend_at || ctx.now < s.email_sent.resend_at) wake_after(0.25);
}

void App::signed_out(const std::string& message) {
  net::set_csrf_token("");
  images::release(centre_.captcha_image.image);
  centre_ = CentreState{};
  login_.success = message;
  login_.error.clear();
  go(Page::Login);
}

void App::centre_failed(const net::Response& r, const char* service) {
  const std::string code = r.get("error.code");
  if (r.status == 401 || code == "CSRF_INVALID") {
    // The session ended elsewhere (signed out on another device, expired) or this page lost
    // its CSRF token (reloaded): sign in again.
    signed_out(net::failure_message(r, service));
    return;
  }
  std::string message = net::failure_message(r, service);
  std::string field = r.get("error.field");
  if (field.empty() || !CentreSetServerError(centre_, field, message)) centre_.error = message;
}

void App::load_me() {
  centre_.me_loading = true;
  net::send("GET", "/api/v1/me", "", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.me_loading = false;
    if (!r.ok()) {
      centre_failed(r, "个人信息");
      return;
    }
    s.me_loaded = true;
    s.account.set(r.get("account"));
    s.name.set(r.get("name"));
    const std::string type = r.get("id_type");
    const IdTypeInfo* info = find_id_type(type);
    s.id_type.set(info ? info->label : std::string_view(type));
    s.id_number.set(r.get("id_number"));
    s.phone.set(r.get("phone"));
    s.created_at.set(LocalTime(r.get("created_at")));
    s.level = std::atoi(r.get("level").c_str());
  });
}

// sessions is an array: flattened to sessions.0.session_id, sessions.0.current, ...
void App::load_sessions() {
  centre_.sessions_loading = true;
  net::send("GET", "/api/v1/me/sessions", "", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.sessions_loading = false;
    if (!r.ok()) {
      centre_failed(r, "登录设备");
      return;
    }
    s.sessions.clear();
    for (int i = 0;; ++i) {
      const std::string p = "sessions." + std::to_string(i) + ".";
      std::string id = r.get(p + "session_id");
      if (id.empty()) break;
      CentreState::Session d;
      d.id = std::atoll(id.c_str());
      d.device = DeviceName(r.get(p + "user_agent"));
      d.ip = r.get(p + "client_ip");
      d.last_seen = LocalTime(r.get(p + "last_seen_at"));
      d.created = LocalTime(r.get(p + "created_at"));
      d.current = r.get(p + "current") == "true";
      s.sessions.push_back(std::move(d));
    }
    s.sessions_loaded = true;
  });
}

void App::change_password() {
  CentreState& s = centre_;
  s.busy = true;
  JsonObject body;
  body.add("old_password", s.old_password.str()).add("new_password", s.new_password.str());
  net::send("PUT", "/api/v1/me/password", body.str(), [this](const net::Response& r) {
    centre_.busy = false;
    if (r.ok()) {
      // The server ended every session, this one included.
      signed_out("密码已修改，所有设备上的登录均已退出，请使用新密码重新登录");
      return;
    }
    centre_failed(r, "修改密码");
  });
}

void App::change_phone() {
  CentreState& s = centre_;
  s.busy = true;
  JsonObject body;
  body.add("password", s.phone_password.str()).add("new_phone", s.new_phone.str()).add("sms_code", s.sms_code.str());
  net::send("PUT", "/api/v1/me/phone", body.str(), [this](const net::Response& r) {
    CentreState& s = centre_;
    s.busy = false;
    if (!r.ok()) {
      centre_failed(r, "修改手机号");
      return;
    }
    s.phone.set(r.get("phone"));
    s.success = "手机号码已修改为 " + r.get("phone") + "，今后请使用新号码接收验证码";
    s.phone_password.reset();
    s.new_phone.reset();
    s.sms_code.reset();
    s.sms.reset();
    s.submitted = false;
    s.me_loaded = false;  // 基本信息 reads the new number
  });
}

void App::revoke_session(long long id) {
  centre_.revoking = id;
  net::send("DELETE", "/api/v1/me/sessions/" + std::to_string(id), "", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.revoking = 0;
    if (!r.ok()) {
      centre_failed(r, "下线设备");
      return;
    }
    s.success = "该设备已下线";
    s.sessions_loaded = false;  // reload the list
  });
}

void App::load_authorized_clients() {
  centre_.authorized_loading = true;
  net::send("GET", "/api/v1/me/authorized-clients", "", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.authorized_loading = false;
    if (!r.ok()) {
      centre_failed(r, "已授权系统");
      return;
    }
    s.authorized.clear();
    for (int i = 0;; ++i) {
      const std::string p = "clients." + std::to_string(i) + ".";
      std::string id = r.get(p + "client_id");
      if (id.empty()) break;
      CentreState::AuthorizedClient c;
      c.client_id = std::move(id);
      c.name = r.get(p + "name");
      for (int j = 0;; ++j) {
        std::string scope = r.get(p + "scopes." + std::to_string(j));
        if (scope.empty()) break;
        c.scopes.push_back(std::move(scope));
      }
      c.authorized = LocalTime(r.get(p + "authorized_at"));
      const std::string used = r.get(p + "last_used_at");
      c.last_used = used.empty() ? "" : LocalTime(used);
      s.authorized.push_back(std::move(c));
    }
    s.authorized_loaded = true;
  });
}

void App::unauthorize_client(const std::string& client_id) {
  centre_.unauthorizing = client_id;
  net::send("DELETE", "/api/v1/me/authorized-clients/" + client_id, "", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.unauthorizing.clear();
    if (!r.ok()) {
      centre_failed(r, "取消授权");
      return;
    }
    s.success = "已取消授权";
    s.authorized_loaded = false;  // reload the list
  });
}

void App::delete_account() {
  CentreState& s = centre_;
  s.busy = true;
  JsonObject body;
  body.add("id_number", s.delete_id_number.str()).add("sms_code", s.delete_code.str());
  net::send("DELETE", "/api/v1/me", body.str(), [this](const net::Response& r) {
    centre_.busy = false;
    if (r.ok()) {
      signed_out("账号已注销，您的个人信息已删除，所有登录和授权均已解除");
      return;
    }
    centre_failed(r, "注销账号");
  });
}

// The pickers' options, then the profile (null values arrive as the text "null").
void App::load_profile() {
  centre_.profile_loading = true;
  net::send("GET", "/api/v1/profile/options", "", [this](const net::Response& r) {
    CentreState& s = centre_;
    if (!r.ok()) {
      s.profile_loading = false;
      centre_failed(r, "基本信息");
      return;
    }
    const char* const keys[] = {"ethnicity", "education", "occupation"};
    for (int k = 0; k < 3; ++k) {
      s.options[k] = {"未填写"};
      for (int i = 0;; ++i) {
        std::string v = r.get(std::string(keys[k]) + "." + std::to_string(i));
        if (v.empty()) break;
        s.options[k].push_back(v);
      }
      s.option_texts[k].clear();
      for (const auto& o : s.options[k]) s.option_texts[k].push_back(o.c_str());
    }
    net::send("GET", "/api/v1/me/profile", "", [this](const net::Response& r) {
      CentreState& s = centre_;
      s.profile_loading = false;
      if (!r.ok()) {
        centre_failed(r, "基本信息");
        return;
      }
      auto text = [&](const std::string& key) {
        std::string v = r.get(key);
        return v == "null" ? std::string() : v;
      };
      s.valid_from = text("id_valid_from");
      s.valid_to = text("id_valid_to");
      s.ethnicity = text("basic.ethnicity");
      s.education = text("basic.education");
      s.occupation = text("basic.occupation");
      s.work_unit = text("basic.work_unit");
      s.contact_address = text("basic.contact_address");
      s.postcode = text("basic.postcode");
      s.profile_loaded = true;
    });
  });
}

void App::save_profile() {
  CentreState& s = centre_;
  s.busy = true;
  net::send("PUT", "/api/v1/me/profile", ProfileBody(s), [this](const net::Response& r) {
    CentreState& s = centre_;
    s.busy = false;
    if (!r.ok()) {
      centre_failed(r, "基本信息");
      return;
    }
    s.editing = false;
    s.submitted = false;
    s.success = "基本信息已保存";
    s.me_loaded = s.profile_loaded = false;  // read back what the server stored
  });
}

// addresses is an array: addresses.0.id, addresses.0.kind, ... (null postcode: absent)
void App::load_addresses() {
  centre_.addresses_loading = true;
  net::send("GET", "/api/v1/me/addresses", "", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.addresses_loading = false;
    if (!r.ok()) {
      centre_failed(r, "地址管理");
      return;
    }
    s.addresses.clear();
    for (int i = 0;; ++i) {
      const std::string p = "addresses." + std::to_string(i) + ".";
      std::string id = r.get(p + "id");
      if (id.empty()) break;
      CentreState::Address a;
      a.id = std::atoll(id.c_str());
      a.kind = r.get(p + "kind");
      a.recipient = r.get(p + "recipient");
      a.phone = r.get(p + "phone");
      a.region = r.get(p + "region");
      a.detail = r.get(p + "detail");
      a.postcode = r.get(p + "postcode");
      if (a.postcode == "null") a.postcode.clear();
      a.is_default = r.get(p + "is_default") == "true";
      s.addresses.push_back(std::move(a));
    }
    s.addresses_loaded = true;
  });
}

void App::save_address() {
  CentreState& s = centre_;
  s.busy = true;
  const bool create = s.address_edit_id == 0;
  const std::string url = create ? "/api/v1/me/addresses" : "/api/v1/me/addresses/" + std::to_string(s.address_edit_id);
  net::send(create ? "POST" : "PUT", url, AddressBody(s), [this, create](const net::Response& r) {
    CentreState& s = centre_;
    s.busy = false;
    if (!r.ok()) {
      centre_failed(r, "地址管理");
      return;
    }
    s.address_form = false;
    s.submitted = false;
    s.success = create ? "地址已添加" : "地址已保存";
    if (r.get("is_default") == "true") s.success += "，并设为默认" + std::string(r.get("kind") == "postal" ? "邮寄地址" : "联系地址");
    s.addresses_loaded = false;  // reload the list
  });
}

void App::delete_address(long long id) {
  centre_.address_busy = id;
  centre_.success.clear();
  centre_.error.clear();
  net::send("DELETE", "/api/v1/me/addresses/" + std::to_string(id), "", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.address_busy = 0;
    if (!r.ok()) {
      centre_failed(r, "删除地址");
      return;
    }
    s.success = "地址已删除";
    s.addresses_loaded = false;
  });
}

void App::make_default_address(long long id) {
  centre_.address_busy = id;
  centre_.success.clear();
  centre_.error.clear();
  net::send("POST", "/api/v1/me/addresses/" + std::to_string(id) + "/default", "{}", [this](const net::Response& r) {
    CentreState& s = centre_;
    s.address_busy = 0;
    if (!r.ok()) {
      centre_failed(r, "设为默认地址");
      return;
    }
    s.success = std::string("已设为默认") + (r.get("kind") == "postal" ? "邮寄地址" : "联系地址");
    s.addresses_loaded = false;
  });
}

// 安全设置: the question catalogue, the questions on file and the e-mail on file, one after
// the other (the tab shows once all three have answered).
void App::load_security() {
  centre_.security_loading = true;
  net::send("GET", "/api/v1/security-questions", "", [this](const net::Response& r) {
    CentreState& s = centre_;
    if (!r.ok()) {
      s.security_loading = false;
      centre_failed(r, "安全设置");
      return;
    }
    s.catalogue.clear();
    for (int i = 0;; ++i) {
      const std::string p = "questions." + std::to_string(i) + ".";
      std::string id = r.get(p + "id");
      if (id.empty()) break;
      s.catalogue.push_back({id, r.get(p + "text")});
    }
    s.catalogue_texts.clear();
    for (const auto& q : s.catalogue) s.catalogue_texts.push_back(q.text.c_str());
    net::send("GET", "/api/v1/me/security-questions", "", [this](const net::Response& r) {
      CentreState& s = centre_;
      if (!r.ok()) {
        s.security_loading = false;
        centre_failed(r, "安全设置");
        return;
      }
      s.questions_set = r.get("set") == "true";
      s.my_questions.clear();
      for (int i = 0;; ++i) {
        const std::string p = "questions." + std::to_string(i) + ".";
        std::string id = r.get(p + "id");
        if (id.empty()) break;
        s.my_questions.push_back(r.get(p + "text"));
        for (size_t k = 0; k < s.catalogue.size() && i < 3; ++k)
          if (s.catalogue[k].id == id) s.pick[i] = static_cast<int>(k);
      }
      net::send("GET", "/api/v1/me/profile", "", [this](const net::Response& r) {
        CentreState& s = centre_;
        s.security_loading = false;
        if (!r.ok()) {
          centre_failed(r, "安全设置");
          return;
        }
        s.email_on_file = r.get("email");
        s.security_loaded = true;
      });
    });
  });
}

void App::request_email_code() {
  CentreState& s = centre_;
  if (s.email_sent.busy) return;
  s.email_sent.busy = true;
  s.email_sent.info.clear();
  JsonObject body;
  body.add("password", s.email_password.str()).add("email", s.email.str());
  net::send("PUT", "/api/v1/me/email", body.str(), [this](const net::Response& r) {
    CentreState& s = centre_;
    s.email_sent.busy = false;
    if (!r.ok()) {
      centre_failed(r, "绑定邮箱");
      return;
    }
    int resend = std::atoi(r.get("resend_after").c_str());
    s.email_sent.resend_at = now_ + (resend > 0 ? resend : 60);
    int minutes = std::atoi(r.get("expires_in").c_str()) / 60;
    s.email_sent.info = "验证码已发送至 " + r.get("email") +
                        (minutes > 0 ? "，" + std::to_string(minutes) + "分钟内有效" : std::string());
  });
}

void App::verify_email() {
  CentreState& s = centre_;
  s.busy = true;
  JsonObject body;
  body.add("email_code", s.email_code.str());
  net::send("POST", "/api/v1/me/email/verify", body.str(), [this](const net::Response& r) {
    CentreState& s = centre_;
    s.busy = false;
    if (!r.ok()) {
      centre_failed(r, "绑定邮箱");
      return;
    }
    s.email_on_file = r.get("email");
    s.success = "邮箱 " + s.email_on_file + " 已绑定，可用于找回密码";
    s.email_password.reset();
    s.email.reset();
    s.email_code.reset();
    s.email_sent.reset();
    s.email_submitted = false;
  });
}

void App::set_security_questions() {
  CentreState& s = centre_;
  s.busy = true;
  net::send("PUT", "/api/v1/me/security-questions", SecurityQuestionsBody(s), [this](const net::Response& r) {
    CentreState& s = centre_;
    s.busy = false;
    if (!r.ok()) {
      centre_failed(r, "密保问题");
      return;
    }
    s.questions_set = true;
    s.my_questions.clear();
    for (int i = 0;; ++i) {
      std::string text = r.get("questions." + std::to_string(i) + ".text");
      if (text.empty()) break;
      s.my_questions.push_back(text);
    }
    s.success = "密保问题已保存，忘记密码时可通过回答密保问题找回";
    for (auto& a : s.answers) a.reset();
    s.questions_password.reset();
    s.questions_submitted = false;
  });
}

void App::sign_out() {
  centre_.busy = true;
  net::send("DELETE", "/api/v1/sessions/current", "", [this](const net::Response& r) {
    centre_.busy = false;
    // An already ended session is signed out too.
    if (r.ok() || r.status == 401) {
      signed_out("您已安全退出登录");
      return;
    }
    centre_failed(r, "退出登录");
  });
}

}  // namespace uia::web
