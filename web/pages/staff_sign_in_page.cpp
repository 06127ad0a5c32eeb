#include "pages/staff_sign_in_page.h"

namespace uia::web {

void StaffSignInPage(const PageContext& ctx, StaffSignInState& s, StaffSignInActions& out) {
  const ui::Form& form = ctx.form;
  TitleRow(form, "工作人员登录");
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("审核工作台仅供后台工作人员使用，请使用工作人员账号登录。", form.field_w());
  ui::RowGap(10);
  ResultMessage(form, s.error, s.info);

  ui::TextFieldSpec user{.label = "用户名", .hint = "工作人员用户名", .field = "username"};
  ui::TextField(form, user, s.username, s.submitted && s.username.empty());
  ui::FieldError(form, s.submitted && s.username.empty() ? "请输入用户名" : std::string_view(s.username.server_error),
                 "username");
  ui::RowGap(4);
  ui::TextFieldSpec pass{.label = "密码", .hint = "登录密码", .field = "password", .keyboard = ui::Keyboard::Password};
  ui::TextField(form, pass, s.password, s.submitted && s.password.empty());
  ui::FieldError(form, s.submitted && s.password.empty() ? "请输入密码" : std::string_view(s.password.server_error),
                 "password");
  ui::RowGap(12);
  ImGui::SetCursorPosX(form.field_x());
  const bool pressed = ui::PrimaryButton("登录", ImVec2(form.field_w(), 40), s.busy);
  if ((pressed || s.username.enter || s.password.enter) && !s.busy) {
    s.submitted = true;
    s.info.clear();
    if (!s.username.empty() && !s.password.empty()) out.submit = true;
  }
}

}  // namespace uia::web
