#include "pages/login_page.h"

#include "api/error_code.h"
#include "ids/resident_id.h"
#include "policy/contact.h"

namespace uia::web {
namespace {

const char* const kTabs[] = {"账号", "手机号", "证件号"};
const char* const kLabels[] = {"用户账号", "手机号码", "证件号码"};
const char* const kHints[] = {"请输入用户账号", "请输入手机号码", "请输入证件号码"};

// Login checks only what cannot be right (an existing account may predate today's naming
// policy, so the account name is not checked against it).
std::string_view identifier_message(const LoginState& s, Date today) {
  switch (s.method) {
    case LoginState::kPhone: {
      Verdict v = check_phone(s.identifier.str());
      return v.ok() ? std::string_view() : v.message_zh();
    }
    case LoginState::kIdNumber: {
      Verdict v = check_resident_id(s.identifier.str(), today);
      return v.ok() ? std::string_view() : v.message_zh();
    }
    default:
      return s.identifier.empty() ? message_zh(ErrorCode::AccountEmpty) : std::string_view();
  }
}

}  // namespace

void LoginPage(const PageContext& ctx, LoginState& s, LoginActions& out) {
  const ui::Form& form = ctx.form;

  ImGui::SetCursorPosX(form.x);
  ui::Heading("用户登录");
  ui::RowGap(10);

  // Sign-in method tabs.
  const float tab_w = form.width / 3.0f;
  ImGui::SetCursorPosX(form.x);
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine(0, 0);
    if (ui::Tab(kTabs[i], s.method == i, tab_w) && s.method != i) {
      s.method = i;
      s.identifier.reset();
      s.error.clear();
    }
  }
  ui::RowGap(14);

  // Each field: check live, show the message once the user has typed or left the field.
  std::string_view id_msg = identifier_message(s, ctx.today);
  std::string_view pw_msg = s.password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();

  auto shown = [&](const ui::Field& f, std::string_view msg) -> std::string_view {
    if (!f.server_error.empty()) return f.server_error;
    return f.should_show_error(s.submitted) ? msg : std::string_view();
  };

  ui::TextFieldSpec id_spec;
  id_spec.label = kLabels[s.method];
  id_spec.hint = kHints[s.method];
  id_spec.field = "identifier";
  id_spec.flags = ImGuiInputTextFlags_CharsNoBlank |
                  (s.method == LoginState::kIdNumber ? ImGuiInputTextFlags_CharsUppercase : 0);
  id_spec.keyboard = s.method == LoginState::kPhone ? ui::Keyboard::Digits : ui::Keyboard::Text;
  std::string_view m = shown(s.identifier, id_msg);
  ui::TextField(form, id_spec, s.identifier, !m.empty());
  ui::FieldError(form, m, id_spec.field);

  ui::TextFieldSpec pw_spec;
  pw_spec.label = "密码";
  pw_spec.hint = "请输入密码";
  pw_spec.field = "password";
  pw_spec.keyboard = ui::Keyboard::Password;
  m = shown(s.password, pw_msg);
  ui::TextField(form, pw_spec, s.password, !m.empty());
  ui::FieldError(form, m, pw_spec.field);

  ui::TextFieldSpec cap_spec;
  cap_spec.label = "图形验证码";
  cap_spec.hint = "请输入图形验证码";
  cap_spec.field = "captcha_answer";
  cap_spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  cap_spec.trailing = 112;
  m = shown(s.captcha, captcha_msg);
  ui::TextField(form, cap_spec, s.captcha, !m.empty());
  ui::Trailing(form, cap_spec);
  if (CaptchaButton(s.captcha_image, ImVec2(cap_spec.trailing, ImGui::GetFrameHeight())))
    out.refresh_captcha = true;
  ui::FieldError(form, m, cap_spec.field);

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  bool enter = s.identifier.enter || s.password.enter || s.captcha.enter;
  if ((ui::PrimaryButton("登录", ImVec2(form.field_w(), 40), s.busy) || (enter && !s.busy))) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    if (id_msg.empty() && pw_msg.empty() && captcha_msg.empty()) {
      out.submit = true;
    } else {
      ui::Field* first = !id_msg.empty() ? &s.identifier : !pw_msg.empty() ? &s.password : &s.captcha;
      first->focus_request = true;
    }
  }
  ui::RowGap(10);

  if (!s.error.empty() || !s.success.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.error.empty() ? s.success : s.error,
                   s.error.empty() ? ui::Tone::Success : ui::Tone::Error, form.field_w());
    ui::RowGap(10);
  }

  ImGui::SetCursorPosX(form.field_x());
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
  ImGui::TextUnformatted("还没有账号？");
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  if (ui::LinkButton("注册")) out.go_register = true;
}

}  // namespace uia::web
