#include "pages/enterprise_login_form.h"

#include "api/error_code.h"
#include "json.h"

namespace uia::web {
namespace {

// The agent's sign-in: the enterprise, who the agent is, the agent's own password.
void AgentLoginFields(const PageContext& ctx, EnterpriseLoginState& s, const CaptchaState& captcha_image,
                      EnterpriseLoginActions& out) {
  const ui::Form& form = ctx.form;
  std::string_view ent_msg = s.identifier.empty() ? std::string_view("请输入企业统一社会信用代码") : std::string_view();
  std::string_view who_msg = s.agent_id.empty() ? std::string_view("请输入经办人手机号码或证件号码") : std::string_view();
  std::string_view pw_msg = s.password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "企业统一社会信用代码";
  spec.hint = "您所代理企业的统一社会信用代码";
  spec.field = "uscc";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  std::string_view m = ShownError(s.identifier, ent_msg, s.submitted);
  ui::TextField(form, spec, s.identifier, !m.empty());
  ui::FieldError(form, m, spec.field);
  spec = {};
  spec.label = "经办人账号";
  spec.hint = "经办人本人的手机号码或身份证号码";
  spec.field = "identifier";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  m = ShownError(s.agent_id, who_msg, s.submitted);
  ui::TextField(form, spec, s.agent_id, !m.empty());
  ui::FieldError(form, m, spec.field);
  spec = {};
  spec.label = "经办人密码";
  spec.hint = "经办人本人（自然人）账号的登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  m = ShownError(s.password, pw_msg, s.submitted);
  ui::TextField(form, spec, s.password, !m.empty());
  ui::FieldError(form, m, spec.field);
  if (CaptchaRow(form, s.captcha, captcha_image, ShownError(s.captcha, captcha_msg, s.submitted)))
    out.refresh_captcha = true;
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  const bool enter = s.identifier.enter || s.agent_id.enter || s.password.enter || s.captcha.enter;
  if (ui::PrimaryButton("经办人登录", ImVec2(form.field_w(), 40), s.busy) || (enter && !s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    s.info.clear();
    ui::Field* first = !ent_msg.empty() ? &s.identifier : !who_msg.empty() ? &s.agent_id : !pw_msg.empty() ? &s.password
                       : !captcha_msg.empty()          ? &s.captcha
                                                       : nullptr;
    if (first) first->focus_request = true;
    out.submit = first == nullptr;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, s.success);
  if (!s.info.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.info, ui::Tone::Info, form.field_w());
    ui::RowGap(10);
  }
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("经办人须先由企业授权并在个人中心确认接受；使用本人（自然人）账号的密码登录。", form.field_w());
}

}  // namespace

void EnterpriseLoginForm(const PageContext& ctx, EnterpriseLoginState& s, const CaptchaState& captcha_image,
                         EnterpriseLoginActions& out) {
  const ui::Form& form = ctx.form;
  ui::RowLabel(form, "登录身份", true);
  ImGui::SetCursorPosX(form.field_x());
  ui::AlignCompactRow();
  if (ui::RadioButton("法人账号", !s.agent) && s.agent) {
    s.agent = false;
    s.submitted = false;
  }
  ImGui::SameLine(0, 16);
  if (ui::RadioButton("企业经办人", s.agent) && !s.agent) {
    s.agent = true;
    s.submitted = false;
  }
  ui::RowGap(12);
  if (s.agent) {
    AgentLoginFields(ctx, s, captcha_image, out);
    return;
  }
  // Account or USCC: both are looked up, so only emptiness is checked here (an 18-character
  // account name would otherwise be taken for a mistyped USCC).
  std::string_view id_msg = s.identifier.empty() ? std::string_view("请输入法人账号或统一社会信用代码") : std::string_view();
  std::string_view pw_msg = s.password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();

  ui::TextFieldSpec spec;
  spec.label = "法人账号";
  spec.hint = "法人账号或统一社会信用代码";
  spec.field = "identifier";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  std::string_view m = ShownError(s.identifier, id_msg, s.submitted);
  ui::TextField(form, spec, s.identifier, !m.empty());
  ui::FieldError(form, m, spec.field);

  spec = {};
  spec.label = "密码";
  spec.hint = "请输入密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  m = ShownError(s.password, pw_msg, s.submitted);
  ui::TextField(form, spec, s.password, !m.empty());
  ui::FieldError(form, m, spec.field);

  if (CaptchaRow(form, s.captcha, captcha_image, ShownError(s.captcha, captcha_msg, s.submitted)))
    out.refresh_captcha = true;

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  const bool enter = s.identifier.enter || s.password.enter || s.captcha.enter;
  if (ui::PrimaryButton("法人登录", ImVec2(form.field_w(), 40), s.busy) || (enter && !s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    s.info.clear();
    s.offer_appeal = false;
    if (id_msg.empty() && pw_msg.empty() && captcha_msg.empty()) {
      out.submit = true;
    } else {
      ui::Field* first = !id_msg.empty() ? &s.identifier : !pw_msg.empty() ? &s.password : &s.captcha;
      first->focus_request = true;
    }
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, s.success);
  if (s.offer_appeal && !s.error.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    if (ui::SecondaryButton("去账号申诉", ImVec2(form.field_w(), 40))) out.go_appeal = true;
    ui::RowGap(10);
  }
  if (!s.info.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.info, ui::Tone::Info, form.field_w());
    ui::RowGap(10);
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::LinkButton("法人找回密码")) out.go_recovery = true;
  ImGui::SameLine(0, 8);
  if (ui::LinkButton("企业账号激活")) out.go_activation = true;
  ImGui::SameLine(0, 8);
  if (ui::LinkButton("账号申诉")) out.go_appeal = true;
  // A province without legal-person types registers no enterprises (the server refuses with
  // ENTERPRISE_REGISTRATION_UNAVAILABLE): no entry to a form that cannot succeed.
  if (ctx.profile->organisation_types.empty()) return;
  ImGui::SetCursorPosX(form.field_x());
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
  ImGui::TextUnformatted("还没有法人账号？");
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  if (ui::LinkButton("法人注册")) out.go_register = true;
}

std::string EnterpriseLoginBody(const EnterpriseLoginState& s, const CaptchaState& captcha_image) {
  JsonObject o;
  if (s.agent) {
    o.add("method", "agent_password")
        .add("uscc", s.identifier.str())
        .add("identifier", s.agent_id.str())
        .add("password", s.password.str())
        .add("captcha_id", captcha_image.id)
        .add("captcha_answer", s.captcha.str());
    return o.str();
  }
  o.add("method", "enterprise_password")
      .add("identifier", s.identifier.str())
      .add("password", s.password.str())
      .add("captcha_id", captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  return o.str();
}

}  // namespace uia::web
