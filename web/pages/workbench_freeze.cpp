// 审核工作台 / 账号冻结: find a person or enterprise account by phone, ID number or USCC and
// freeze or unfreeze it with a reason (audited by the server; a frozen account cannot sign in
// and its sessions end at once).
#include "a11y.h"
#include "pages/workbench_page.h"

namespace uia::web {
namespace {

const char* const kSearchBy[] = {"手机号码", "证件号码", "统一社会信用代码"};

}  // namespace

void WorkbenchFreezePanel(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.x);
  ui::Heading("账号查询", 2);
  ui::RowGap(6);
  ui::RowLabel(form, "查询方式", false);
  ui::AlignCompactRow();
  for (int i = 0; i < 3; ++i) {
    const float w = ImGui::CalcTextSize(kSearchBy[i]).x + 40.0f;
    if (i) {
      ImGui::SameLine(0, 16);
      if (ImGui::GetCursorPosX() + w > form.x + form.width) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(form.field_x());
      }
    }
    if (ui::RadioButton(kSearchBy[i], s.search_by == i)) s.search_by = i;
  }
  ui::RowGap(10);
  ui::TextFieldSpec spec{.label = "查询内容", .hint = kSearchBy[s.search_by], .field = "query"};
  ui::TextField(form, spec, s.query, false);
  ui::RowGap(8);
  ImGui::SetCursorPosX(form.field_x());
  if ((ui::PrimaryButton("查询账号", ImVec2(form.field_w(), 40), s.searching || s.query.empty()) || s.query.enter) &&
      !s.query.empty())
    out.search_accounts = true;
  ui::RowGap(10);
  ResultMessage(form, s.freeze_error, s.freeze_info);
  if (s.searched && s.accounts.empty() && s.freeze_error.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox("没有找到对应的账号", ui::Tone::Info, form.field_w());
    return;
  }
  if (s.accounts.empty()) return;
  ui::TextFieldSpec reason{.label = "操作原因", .hint = "冻结或解冻的原因（必填）", .field = "reason"};
  ui::TextField(form, reason, s.freeze_reason, !s.freeze_reason.server_error.empty());
  ui::FieldError(form, s.freeze_reason.server_error, "reason");
  ui::RowGap(10);
  for (size_t i = 0; i < s.accounts.size(); ++i) {
    const FoundAccount& a = s.accounts[i];
    const std::string type = a.type == "enterprise" ? "法人账号" : "个人账号";
    const std::string line = type + " #" + std::to_string(a.id) + " · " + a.name + " · " + (a.frozen ? "已冻结" : "正常");
    ImGui::SetCursorPosX(form.field_x());
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(a.frozen ? ui::color::kError : ui::color::kText));
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    a11y::Node n;
    n.role = a11y::Role::ListItem;
    n.label = type + " " + a.name;
    n.text = line;
    a11y::set_last_item_rect(n);
    a11y::add(std::move(n));
    const std::string button = (a.frozen ? "解冻" : "冻结") + type + " #" + std::to_string(a.id);
    ImGui::SetCursorPosX(form.field_x());
    if (ui::SecondaryButton(button.c_str(), ImVec2(ImGui::CalcTextSize(button.c_str()).x + 28, 32), s.freeze_busy)) (a.frozen ? out.unfreeze : out.freeze) = static_cast<int>(i);
    ui::RowGap(8);
  }
}

}  // namespace uia::web
