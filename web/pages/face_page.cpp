#include "pages/face_page.h"

#include <cmath>
#include <cstdio>

#include "api/error_code.h"
#include "json.h"
#include "pages/enterprise_register_page.h"

namespace uia::web {
namespace {

const char* const kRegistrationSteps[] = {"填写注册信息", "人脸识别", "完成"};
const char* const kEnterpriseSteps[] = {"填写注册信息", "法定代表人人脸识别", "完成"};

// The end of a 法人注册's face check: registered (verified or waiting for the registry), or
// withdrawn.
void enterprise_outcome(const PageContext& ctx, FaceState& s, FaceActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  if (s.mode == FaceState::kPassed) {
    if (s.registry_confirmed)
      ui::MessageBox("法定代表人人脸识别认证通过，法人注册成功，企业信息已通过工商登记信息核验。请使用法人账号或统一社会信用代码登录。",
                     ui::Tone::Success, form.field_w());
    else
      ui::MessageBox(EnterpriseUnverifiedText(), ui::Tone::Info, form.field_w());
    ui::RowGap(14);
    ImGui::SetCursorPosX(form.field_x());
    if (ui::PrimaryButton("去法人登录", ImVec2(form.field_w(), 40))) out.go_login = true;
    return;
  }
  ui::MessageBox("法定代表人人脸识别未通过或已超时，本次法人注册已撤回，请由法定代表人本人重新提交注册。",
                 ui::Tone::Error, form.field_w());
  ui::RowGap(14);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("重新注册", ImVec2(form.field_w(), 40))) out.go_enterprise_register = true;
}

std::string minutes_seconds(double seconds) {
  const int s = std::max(0, static_cast<int>(std::ceil(seconds)));
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", s / 60, s % 60);
  return text;
}

void waiting(const PageContext& ctx, FaceState& s) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox("请在手机上打开下方核验链接（或在手机App中输入核验编号），按提示完成人脸识别。完成后本页面将自动显示结果。",
                 ui::Tone::Info, form.field_w());
  ui::RowGap(12);
  ReadOnlyRow(form, "核验编号", s.ticket);
  if (!s.url.empty()) ReadOnlyRow(form, "核验链接", s.url);
  ImGui::SetCursorPosX(form.field_x());
  const double left = s.expires_at - ctx.now;
  ui::Note(left > 0 ? "正在等待人脸识别结果… 剩余有效时间 " + minutes_seconds(left) : std::string("核验已超时，正在确认结果…"),
           form.field_w(), ui::color::kText);
  ui::RowGap(8);
}

void retry_form(const PageContext& ctx, FaceState& s, FaceActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox(s.outcome.empty() ? "您的账号尚未完成人脸识别认证，请验证登录密码后重新发起人脸识别。" : s.outcome,
                 s.outcome.empty() ? ui::Tone::Info : ui::Tone::Error, form.field_w());
  ui::RowGap(12);
  std::string_view id_msg = s.identifier.empty() ? message_zh(ErrorCode::AccountEmpty) : std::string_view();
  std::string_view pw_msg = s.password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();

  ui::TextFieldSpec spec;
  spec.label = "用户账号";
  spec.hint = "账号、手机号或证件号码";
  spec.field = "identifier";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  std::string_view m = ShownError(s.identifier, id_msg, s.submitted);
  ui::TextField(form, spec, s.identifier, !m.empty());
  ui::FieldError(form, m, spec.field);

  spec = {};
  spec.label = "密码";
  spec.hint = "请输入登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  m = ShownError(s.password, pw_msg, s.submitted);
  ui::TextField(form, spec, s.password, !m.empty());
  ui::FieldError(form, m, spec.field);

  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, s.submitted)))
    out.refresh_captcha = true;
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  const bool enter = s.identifier.enter || s.password.enter || s.captcha.enter;
  if (ui::PrimaryButton("重新发起人脸识别", ImVec2(form.field_w(), 40), s.busy) || (enter && !s.busy)) {
    s.submitted = true;
    s.error.clear();
    if (id_msg.empty() && pw_msg.empty() && captcha_msg.empty()) {
      out.retry = true;
    } else {
      ui::Field* first = !id_msg.empty() ? &s.identifier : !pw_msg.empty() ? &s.password : &s.captcha;
      first->focus_request = true;
    }
  }
}

}  // namespace

void FacePage(const PageContext& ctx, FaceState& s, FaceActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "人脸识别认证", "返回登录")) out.go_login = true;
  if (s.from_registration || s.for_enterprise) {
    StepIndicator(form, s.for_enterprise ? kEnterpriseSteps : kRegistrationSteps, 3, s.mode == FaceState::kPassed ? 2 : 1);
    ui::RowGap(12);
  }
  if (s.for_enterprise && s.mode != FaceState::kWaiting) {
    enterprise_outcome(ctx, s, out);
    return;
  }
  switch (s.mode) {
    case FaceState::kWaiting: waiting(ctx, s); break;
    case FaceState::kPassed:
      ImGui::SetCursorPosX(form.field_x());
      // A face check reaches level 3, named on the profile's ladder.
      ui::MessageBox("人脸识别认证通过，账号已激活（" + level_name(*ctx.profile, 3) + "），请登录。", ui::Tone::Success,
                     form.field_w());
      ui::RowGap(14);
      ImGui::SetCursorPosX(form.field_x());
      if (ui::PrimaryButton("去登录", ImVec2(form.field_w(), 40))) out.go_login = true;
      return;
    default: retry_form(ctx, s, out); break;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

void FaceWaitFor(FaceState& s, const std::string& ticket, const std::string& url, double now, int expires_in) {
  s.mode = FaceState::kWaiting;
  s.ticket = ticket;
  s.url = url;
  s.expires_at = now + (expires_in > 0 ? expires_in : 600);
  s.next_poll_at = now + 2.0;
  s.outcome.clear();
  s.error.clear();
}

const char* FaceOutcomeText(const std::string& status) {
  if (status == "failed") return "人脸识别未通过，请确认为本人操作后重新发起人脸识别。";
  if (status == "superseded") return "该次人脸识别已被新的核验取代，请重新发起人脸识别。";
  return "人脸识别已超时，请重新发起人脸识别。";
}

std::string FaceRetryBody(const FaceState& s) {
  JsonObject o;
  o.add("identifier", s.identifier.str()).add("password", s.password.str()).add("captcha_id", s.captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  return o.str();
}

bool FaceSetServerError(FaceState& s, const std::string& field, const std::string& message) {
  ui::Field* f = field == "identifier"                                ? &s.identifier
                 : field == "password"                                ? &s.password
                 : field == "captcha_answer" || field == "captcha_id" ? &s.captcha
                                                                      : nullptr;
  if (!f) return false;
  f->server_error = message;
  f->focus_request = true;
  return true;
}

}  // namespace uia::web
