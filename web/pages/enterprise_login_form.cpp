#include "pages/enterprise_login_form.h"

#include "api/error_code.h"
#include "json.h"

namespace uia::web {

void EnterpriseLoginForm(const PageContext& ctx, EnterpriseLoginState& s, const CaptchaState& captcha_image,
                         EnterpriseLoginActions& out) {
  const ui::Form& form = ctx.form;
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
    if (id_msg.empty() && pw_msg.empty() && captcha_msg.empty()) {
      out.submit = true;
    } else {
      ui::Field* first = !id_msg.empty() ? &s.identifier : !pw_msg.empty() ? &s.password : &s.captcha;
      first->focus_request = true;
    }
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, s.success);
  if (!s.info.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.info, ui::Tone::Info, form.field_w());
    ui::RowGap(10);
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::LinkButton("法人找回密码")) out.go_recovery = true;
  ImGui::SameLine(0, 8);
  if (ui::LinkButton("企业账号激活")) out.go_activation = true;
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
  o.add("method", "enterprise_password")
      .add("identifier", s.identifier.str())
      .add("password", s.password.str())
      .add("captcha_id", captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  return o.str();
}

}  // namespace uia::web
