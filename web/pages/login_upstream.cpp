#include "pages/login_upstream.h"

#include "api/error_code.h"

namespace uia::web {

void UpstreamLoginPanel(const PageContext& ctx, const UpstreamLoginState& s, UpstreamLoginActions& out) {
  if (s.providers.empty()) return;
  const ui::Form& form = ctx.form;
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("其他登录方式", form.field_w());
  ui::RowGap(2);
  for (std::size_t i = 0; i < s.providers.size(); ++i) {
    const std::string label = s.providers[i].display_name + "登录";
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetCursorPosX(form.field_x());
    if (ui::SecondaryButton(label.c_str(), ImVec2(form.field_w(), 40))) out.start = static_cast<int>(i);
    ImGui::PopID();
  }
  ui::RowGap(6);
}

std::string UpstreamErrorMessage(const std::string& code) {
  if (const auto known = code_from_name(code)) return std::string(message_zh(*known));
  return "第三方平台登录未完成，请重新登录";
}

}  // namespace uia::web
