#include "app.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "a11y.h"
#include "fonts.h"
#include "imgui_internal.h"  // the root window's scroll offset (synchronised with the document)
#include "js_bridge.h"
#include "json.h"
#include "net.h"
#include "platform.h"
#include "profile/profile_fields.h"

namespace uia::web {
namespace {

constexpr const char* kRootWindow = "uia##root";
constexpr float kWideBreakpoint = 600.0f;  // CSS px: labels beside fields from here up
constexpr float kCardWidth = 600.0f;
constexpr float kWorkbenchCardWidth = 960.0f;  // the 审核工作台: a case list and pictures of materials

}  // namespace

void App::go(Page page) {
  page_ = page;
  scroll_to_top_ = true;
}

void App::load_captcha(CaptchaState& captcha) {
  if (captcha.status == CaptchaState::Status::Loading) return;
  captcha.status = CaptchaState::Status::Loading;
  CaptchaState* target = &captcha;
  net::send("GET", "/api/v1/captcha", "", [this, target](const net::Response& r) {
    std::string image = r.get("image");
    if (!r.ok() || image.empty()) {
      target->status = CaptchaState::Status::Failed;
      return;
    }
    target->id = r.get("captcha_id");
    int ttl = std::atoi(r.get("expires_in").c_str());
    target->expires_at = ttl > 0 ? now_ + ttl - 5 : 0;
    images::load(image, [target](const images::Image& img) {
      images::release(target->image);
      target->image = img;
      target->status = img.texture ? CaptchaState::Status::Ready : CaptchaState::Status::Failed;
    });
  });
}

void App::keep_captcha_fresh(CaptchaState& captcha) {
  using Status = CaptchaState::Status;
  if (captcha.status == Status::Empty ||
      (captcha.status == Status::Ready && captcha.expires_at > 0 && now_ >= captcha.expires_at)) {
    load_captcha(captcha);
  } else if (captcha.status == Status::Ready && captcha.expires_at > 0) {
    wake_after(captcha.expires_at - now_);
  }
}

void App::send_sms_code(SmsState& sms, const std::string& phone, const char* purpose, CaptchaState& captcha,
                        ui::Field& captcha_answer, ui::Field& phone_field) {
  if (sms.busy) return;
  sms.busy = true;
  sms.error.clear();
  sms.info.clear();
  JsonObject body;
  body.add("phone", phone).add("purpose", purpose).add("captcha_id", captcha.id).add("captcha_answer", captcha_answer.str());
  SmsState* sms_p = &sms;
  CaptchaState* captcha_p = &captcha;
  ui::Field* answer_p = &captcha_answer;
  ui::Field* phone_p = &phone_field;
  net::send("POST", "/api/v1/sms/codes", body.str(), [this, sms_p, captcha_p, answer_p, phone_p](const net::Response& r) {
    sms_p->busy = false;
    answer_p->reset();
    load_captcha(*captcha_p);  // a captcha answers once
    if (r.ok()) {
      sms_sent(*sms_p, r);
      return;
    }
    std::string message = net::failure_message(r, "短信验证码");
    std::string field = r.get("error.field");
    if (field == "captcha_answer" || field == "captcha_id")
      answer_p->server_error = message;
    else if (field == "phone")
      phone_p->server_error = message;
    else
      sms_p->error = message;
  });
}

void App::send_sms_to_phone_on_file(SmsState& sms, const std::string& url) {
  if (sms.busy) return;
  sms.busy = true;
  sms.error.clear();
  sms.info.clear();
  SmsState* sms_p = &sms;
  net::send("POST", url, "{}", [this, sms_p](const net::Response& r) {
    sms_p->busy = false;
    if (r.ok())
      sms_sent(*sms_p, r);
    else
      sms_p->error = net::failure_message(r, "短信验证码");
  });
}

void App::sms_sent(SmsState& sms, const net::Response& r) {
  int resend = std::atoi(r.get("resend_after").c_str());
  sms.resend_at = now_ + (resend > 0 ? resend : 60);
  int minutes = std::atoi(r.get("expires_in").c_str()) / 60;
  std::string to = r.get("phone");
  sms.info = "验证码已发送" + (to.empty() ? std::string() : "至 " + to) +
             (minutes > 0 ? "，" + std::to_string(minutes) + "分钟内有效" : std::string());
}

void App::submit_login() {
  LoginState& s = login_;
  s.busy = true;
  s.error.clear();
  s.success.clear();
  JsonObject body;
  body.add("method", "password")
      .add("identifier", s.identifier.str())
      .add("password", s.password.str())
      .add("captcha_id", s.captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  net::send("POST", "/api/v1/sessions", body.str(), [this](const net::Response& r) {
    LoginState& s = login_;
    s.busy = false;
    s.captcha.reset();
    load_captcha(s.captcha_image);  // a captcha answers once
    if (r.ok()) {
      s.password.reset();
      signed_in(r);
    } else {
      login_failed(r);
    }
  });
}

void App::submit_sms_login() {
  LoginState& s = login_;
  s.busy = true;
  s.error.clear();
  s.success.clear();
  JsonObject body;
  body.add("method", "sms").add("phone", s.phone.str()).add("sms_code", s.sms_code.str());
  net::send("POST", "/api/v1/sessions", body.str(), [this](const net::Response& r) {
    LoginState& s = login_;
    s.busy = false;
    s.sms_code.reset();
    if (r.ok()) {
      signed_in(r);
      return;
    }
    // An imported account's first SMS sign-in: the server has checked the phone, the person
    // completes the account (activation step 2) instead of signing in.
    if (r.get("error.next") == "complete_profile" && !r.get("error.activation_id").empty()) {
      activation_ = ActivationState{};
      activation_.step = ActivationState::kAccount;
      activation_.activation_id = r.get("error.activation_id");
      go(Page::Activation);
      return;
    }
    login_failed(r);
  });
}

void App::login_failed(const net::Response& r) {
  LoginState& s = login_;
  // An account whose face check failed or ran out: straight to a new check, the account filled in.
  if (r.get("error.next") == "face_check") {
    face_ = FaceState{};
    face_.identifier.set(s.identifier.str());
    go(Page::Face);
    return;
  }
  std::string message = net::failure_message(r, "登录");
  std::string field = r.get("error.field");
  ui::Field* f = field == "captcha_answer" || field == "captcha_id" ? &s.captcha
                 : field == "sms_code"                            ? &s.sms_code
                 : field == "phone" && s.mode == LoginState::kSmsMode ? &s.phone
                                                                  : nullptr;
  if (f)
    f->server_error = message;
  else
    s.error = message;
}

// The session is the HttpOnly cookie the answer set; only the CSRF token is kept (in memory).
void App::signed_in(const net::Response& r) {
  net::set_csrf_token(r.get("csrf_token"));
  LoginState& s = login_;
  s.submitted = false;  // a fresh form next time, not one full of "please enter" messages
  s.success.clear();
  s.error.clear();
  // A business system is waiting: on to its 授权确认, not the personal centre.
  if (consent_.request.active()) {
    go(Page::Consent);
    oidc_load(true);
    return;
  }
  centre_ = CentreState{};
  std::string name = r.get("subject.name");
  const std::string welcome = name.empty() ? "登录成功" : "登录成功，欢迎您，" + name;
  // Signed in on the phone to confirm a QR login: back to that question first.
  if (!qr_ticket_waiting_.empty()) {
    centre_.welcome = welcome;
    open_qr_confirm();
    return;
  }
  after_person_sign_in(welcome);
}

void App::submit_register(Date today) {
  RegisterState& s = register_;
  s.busy = true;
  s.error.clear();
  s.success.clear();
  net::send("POST", "/api/v1/persons", RegisterRequestBody(s, today, profile_), [this](const net::Response& r) {
    RegisterState& s = register_;
    s.busy = false;
    if (r.ok()) {
      std::string status = r.get("status");
      if (status == "pending_face" && !r.get("face_ticket").empty()) {
        s.success = "注册信息已提交，请完成人脸识别认证";
        face_ = FaceState{};
        face_.from_registration = true;
        // No account name under some profiles (account.mode): the ID number signs in then.
        face_.identifier.set(s.account.empty() ? s.id_number.str() : s.account.str());
        FaceWaitFor(face_, r.get("face_ticket"), r.get("face_url"), now_, 0);
        go(Page::Face);
      } else if (status == "pending_review" && !r.get("upload_token").empty()) {
        s.success = "注册信息已提交，请上传证明材料";
        documents_ = DocumentsState{};
        documents_.person_id = std::atoll(r.get("person_id").c_str());
        documents_.upload_token = r.get("upload_token");
        go(Page::Documents);
      } else {
        s.success = "注册成功，请返回登录页登录";
      }
      return;
    }
    // Under the field at fault (and focus there) when the server names one, else as a banner.
    std::string message = net::failure_message(r, "注册");
    std::string field = r.get("error.field");
    if (field.empty() || !RegisterSetServerError(s, field, message)) s.error = message;
  });
}

void App::request_sms(double now) {
  RegisterState& s = register_;
  s.sms_busy = true;
  JsonObject body;
  body.add("phone", s.phone.str())
      .add("purpose", "register")
      .add("captcha_id", s.captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  net::send("POST", "/api/v1/sms/codes", body.str(), [this, now](const net::Response& r) {
    RegisterState& s = register_;
    s.sms_busy = false;
    if (r.ok()) {
      int resend = std::atoi(r.get("resend_after").c_str());
      s.sms_resend_at = now + (resend > 0 ? resend : 60);
      s.sms_info = "验证码已发送，";
      s.sms_error.clear();
    }
    s.captcha.reset();
    load_captcha(s.captcha_image);  // a captcha answers once
    if (!r.ok()) {
      // Under the field at fault when the server names one, else under the SMS code.
      std::string message = net::failure_message(r, "短信验证码");
      std::string field = r.get("error.field");
      if (field == "captcha_answer" || field == "captcha_id")
        s.captcha.server_error = message;
      else if (field == "phone")
        s.phone.server_error = message;
      else
        s.sms_error = message;
    }
  });
}

void App::restore_session() {
  restore_ = Restore::Asking;
  net::send("GET", "/api/v1/sessions/current", "", [this](const net::Response& r) {
    restore_ = Restore::Done;
    if (consent_.request.active()) {
      // A person, also acting for an enterprise (legal_rep, admin, agent: the system may ask for
      // uia_enterprise); an enterprise account's own session is no sign-in for business systems.
      const bool person = r.ok() && !r.get("csrf_token").empty() && !r.get("acting_as").empty() &&
                          r.get("acting_as") != "enterprise";
      if (person) net::set_csrf_token(r.get("csrf_token"));
      oidc_open(person);
      return;
    }
    // A person's own session opens the 个人中心 (or the QR question a link opened before signing
    // in), an enterprise account's the 法人中心, a person acting for an enterprise (legal_rep,
    // admin, agent) the 经办人中心.
    if (!r.ok() || r.get("csrf_token").empty() || page_ != Page::Login) {
      if (!qr_ticket_waiting_.empty()) ask_sign_in_for_qr();
      return;
    }
    const std::string acting_as = r.get("acting_as");
    if (acting_as == "person") {
      net::set_csrf_token(r.get("csrf_token"));
      centre_ = CentreState{};
      if (!qr_ticket_waiting_.empty())
        open_qr_confirm();
      else
        go(Page::Centre);
    } else if (acting_as == "enterprise" && !r.get("enterprise_id").empty()) {
      net::set_csrf_token(r.get("csrf_token"));
      enterprise_centre_ = EnterpriseCentreState{};
      enterprise_centre_.enterprise_id = std::atoll(r.get("enterprise_id").c_str());
      go(Page::EnterpriseCentre);
    } else if (!r.get("enterprise_id").empty()) {
      net::set_csrf_token(r.get("csrf_token"));
      open_agent_centre(std::atoll(r.get("enterprise_id").c_str()), "");
    } else if (!qr_ticket_waiting_.empty()) {
      ask_sign_in_for_qr();
    }
  });
}

void App::draw_page(const PageContext& ctx) {
  follow_location_hash();
  staff_from_location();
  if (restore_ == Restore::NotAsked) {
    // The request first: a failed upstream sign-in comes back as /#/login?oidc=ID&upstream_error=CODE,
    // and reading the error clears the location.
    oidc_from_location();
    upstream_error_from_location();
    restore_session();
  }
  if (restore_ == Restore::Asking) {  // a moment at most: not a login form that then vanishes
    ImGui::SetCursorPosX(ctx.form.field_x());
    ui::Note("正在加载…", ctx.form.field_w());
    return;
  }
  switch (page_) {
    case Page::Login: frame_login(ctx); break;
    case Page::Register: frame_register(ctx); break;
    case Page::Activation: frame_activation(ctx); break;
    case Page::Recovery: frame_recovery(ctx); break;
    case Page::Centre: frame_centre(ctx); break;
    case Page::Face: frame_face(ctx); break;
    case Page::Documents: frame_documents(ctx); break;
    case Page::EnterpriseRegister: frame_enterprise_register(ctx); break;
    case Page::EnterpriseRecovery: frame_enterprise_recovery(ctx); break;
    case Page::EnterpriseActivation: frame_enterprise_activation(ctx); break;
    case Page::EnterpriseCentre: frame_enterprise_centre(ctx); break;
    case Page::QrConfirm: frame_qr_confirm(ctx); break;
    case Page::Consent: frame_consent(ctx); break;
    case Page::AgentCentre: frame_agent_centre(ctx); break;
    case Page::Identity: frame_identity(ctx); break;
    case Page::StaffSignIn: frame_staff_sign_in(ctx); break;
    case Page::Workbench: frame_workbench(ctx); break;
    case Page::AppealHome: frame_appeal_home(ctx); break;
    case Page::AppealForm: frame_appeal_form(ctx); break;
    case Page::AppealProgress: frame_appeal_progress(ctx); break;
  }
}

void App::frame_login(const PageContext& ctx) {
  LoginState& s = login_;
  if (s.mode != LoginState::kQrMode) keep_captcha_fresh(s.captcha_image);
  LoginActions a;
  LoginPage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.submit) submit_login();
  if (a.submit_sms) submit_sms_login();
  if (a.request_sms) send_sms_code(s.sms, std::string(s.phone.str()), "login", s.captcha_image, s.captcha, s.phone);
  if (s.mode == LoginState::kQrMode) frame_qr_login(ctx, a.qr);
  if (s.upstream.status == UpstreamLoginState::Status::NotAsked) upstream_load();
  if (a.upstream.start >= 0) upstream_start(a.upstream.start);
  if (ctx.now < s.sms.resend_at) wake_after(0.25);  // the countdown ticks
  if (a.go_register) go(Page::Register);
  if (a.go_recovery) {
    recovery_ = RecoveryState{};
    go(Page::Recovery);
  }
  if (a.go_activation) {
    activation_ = ActivationState{};
    go(Page::Activation);
  }
  if (a.go_appeal) open_appeals(false);
  // The 法人登录 tab (app_enterprise.cpp).
  const EnterpriseLoginActions& e = a.enterprise;
  if (e.refresh_captcha) load_captcha(s.captcha_image);
  if (e.submit) submit_enterprise_login();
  if (e.go_register) {
    if (enterprise_register_.outcome != EnterpriseRegisterState::kForm) enterprise_register_ = EnterpriseRegisterState{};
    go(Page::EnterpriseRegister);
  }
  if (e.go_recovery) {
    enterprise_recovery_ = EnterpriseRecoveryState{};
    go(Page::EnterpriseRecovery);
  }
  if (e.go_activation) {
    enterprise_activation_ = EnterpriseActivationState{};
    go(Page::EnterpriseActivation);
  }
  if (e.go_appeal) open_appeals(true, s.enterprise.offer_appeal ? s.enterprise.error : std::string());
}

void App::frame_register(const PageContext& ctx) {
  keep_captcha_fresh(register_.captcha_image);
  RegisterActions a;
  RegisterPage(ctx, register_, a);
  if (a.refresh_captcha) load_captcha(register_.captcha_image);
  if (a.request_sms) request_sms(ctx.now);
  if (a.submit) submit_register(ctx.today);
  if (a.go_login) go(Page::Login);
  if (ctx.now < register_.sms_resend_at) wake_after(0.25);  // the countdown ticks
}

void App::load_province_profile() {
  profile_status_ = ProfileStatus::Loading;
  net::send("GET", "/api/v1/profile", "", [this](const net::Response& r) {
    FlatFields fields(r.fields.begin(), r.fields.end());
    Profile received;
    if (r.ok() && r.json && apply_profile_fields(received, fields).ok()) {
      profile_ = std::move(received);
      profile_status_ = ProfileStatus::Ready;
    } else {
      profile_status_ = ProfileStatus::Failed;
    }
    wake_after(0);
  });
}

void App::draw_profile_wait(const PageContext& ctx) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.x);
  if (profile_status_ != ProfileStatus::Failed) {
    ui::Note("正在加载…", form.width);
    return;
  }
  ui::MessageBox("无法连接服务器，请检查网络后重试", ui::Tone::Error, form.field_w());
  ImGui::SetCursorPosX(form.x);
  if (ui::PrimaryButton("重试", ImVec2(form.field_w(), 40))) load_province_profile();
}

void App::frame(Date today, double now) {
  now_ = now;
  const Display& d = display();
  const bool wide = d.width >= kWideBreakpoint;
  const float card_max = page_ == Page::Workbench ? kWorkbenchCardWidth : kCardWidth;

  // The page scrolls like a web page: the document (sized to the content) scrolls natively,
  // with the browser's own scrollbar and touch scrolling, and the root window (no scrollbar of
  // its own) follows its offset.
  if (ImGuiWindow* root = ImGui::FindWindowByName(kRootWindow))
    root->Scroll.y = scroll_to_top_ ? 0.0f : document_scroll();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(d.width, d.height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(wide ? ui::color::kPage : ui::color::kCard));
  ImGui::Begin(kRootWindow, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleColor();
  ImGuiWindow* root = ImGui::GetCurrentWindow();
  const float scroll = root->Scroll.y;
  a11y::set_scroll_offset(scroll);
  const float content_w = ImGui::GetContentRegionAvail().x;

  // Banner.
  {
    const float h = wide ? 60.0f : 52.0f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + d.width, p.y + h), ui::color::kPrimary);
    const char* title = profile_status_ == ProfileStatus::Ready ? profile_.platform_name.c_str() : "统一身份认证平台";
    ImGui::PushFont(fonts::heading_draws(title) ? fonts::heading() : fonts::body());
    ImVec2 ts = ImGui::CalcTextSize(title);
    float x = wide ? std::max(16.0f, (content_w - card_max) * 0.5f) : (content_w - ts.x) * 0.5f;
    dl->AddText(ImVec2(p.x + x, p.y + (h - ts.y) * 0.5f), IM_COL32_WHITE, title);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(content_w, h));
  }

  // Card with the page.
  if (profile_status_ == ProfileStatus::Empty) load_province_profile();
  PageContext ctx;
  ctx.today = today;
  ctx.now = now;
  ctx.profile = &profile_;
  ui::Form& form = ctx.form;
  form.wide = wide;
  float card_x, card_w, pad;
  if (wide) {
    card_w = std::min(card_max, content_w - 32.0f);
    card_x = std::floor((content_w - card_w) * 0.5f);
    pad = 36.0f;
    form.label_w = 118.0f;
    ui::RowGap(24);
  } else {
    card_w = content_w;
    card_x = 0;
    pad = 16.0f;
    ui::RowGap(8);
  }
  form.x = card_x + pad;
  form.width = card_w - pad * 2;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const ImVec2 card_top(ImGui::GetWindowPos().x + card_x, ImGui::GetCursorScreenPos().y);
  ui::RowGap(wide ? 28.0f : 8.0f);

  if (profile_status_ == ProfileStatus::Ready) draw_page(ctx);
  else draw_profile_wait(ctx);

  ui::RowGap(wide ? 20.0f : 8.0f);
  const float card_bottom = ImGui::GetCursorScreenPos().y;
  dl->ChannelsSetCurrent(0);
  if (wide) {
    dl->AddRectFilled(card_top, ImVec2(card_top.x + card_w, card_bottom), ui::color::kCard, 6.0f);
    dl->AddRect(card_top, ImVec2(card_top.x + card_w, card_bottom), IM_COL32(226, 230, 236, 255), 6.0f);
  }
  dl->ChannelsMerge();

  // Footer.
  ui::RowGap(16);
  {
    const char* footer = "统一身份认证平台 · 个人信息仅用于身份核验";
    float w = ImGui::CalcTextSize(footer).x;
    ImGui::SetCursorPosX(std::max(0.0f, (content_w - w) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
    ImGui::TextUnformatted(footer);
    ImGui::PopStyleColor();
  }
  ui::RowGap(24);

  // Document height = content height, so the browser's scroll range equals the window's.
  const float content_h = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y;
  float scroll_request = -1.0f;
  if (scroll_to_top_) {
    scroll_request = 0.0f;
    scroll_to_top_ = false;
  } else if (std::fabs(scroll - document_scroll()) > 0.5f) {
    scroll_request = scroll;  // Dear ImGui scrolled (keyboard focus moved, scrollbar dragged)
  }
  ImGui::End();

  static float last_height = -1.0f;
  if (scroll_request >= 0.0f || std::fabs(content_h - last_height) > 0.5f) {
    last_height = content_h;
    js::set_document(std::max(content_h, d.height), scroll_request);
  }
}

}  // namespace uia::web
