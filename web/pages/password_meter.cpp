#include "pages/password_meter.h"

#include <string>

#include "a11y.h"

namespace uia::web {

void PasswordStrengthRow(const ui::Form& form, std::string_view password, const PasswordPolicy& policy,
                         std::string_view account, std::string_view person_name) {
  const PasswordStrength s = rate_password(password, policy, account, person_name);
  if (s == PasswordStrength::None) return;
  const int level = static_cast<int>(s);  // 1..3
  const ImU32 colour = s == PasswordStrength::Weak ? ui::color::kError
                       : s == PasswordStrength::Medium ? IM_COL32(230, 140, 20, 255) : ui::color::kSuccess;
  ImGui::SetCursorPosX(form.field_x());
  const std::string label = std::string("密码强度：") + std::string(password_strength_name(s));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopStyleColor();
  a11y::Node n;
  n.role = a11y::Role::Status;
  n.label = label;
  n.text = label;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  // Three segments beside the words, filled up to the level.
  ImGui::SameLine(0, 12);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  const float seg = 36.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < 3; ++i) {
    const float x = p.x + i * (seg + 4);
    dl->AddRectFilled(ImVec2(x, p.y + h * 0.5f - 2), ImVec2(x + seg, p.y + h * 0.5f + 2),
                      i < level ? colour : ui::color::kBorder, 2.0f);
  }
  ImGui::Dummy(ImVec2(3 * seg + 8, h));
  ui::RowGap(6);
}

}  // namespace uia::web
