// 审核工作台 / 申诉审核: the filters and the case list (overdue cases marked 已超期).
#include <algorithm>

#include "a11y.h"
#include "appeals/appeals.h"
#include "pages/centre_page.h"  // LocalTime
#include "pages/workbench_page.h"

namespace uia::web {
namespace {

void Filters(const ui::Form& form, WorkbenchState& s, WorkbenchActions& out) {
  std::vector<std::string_view> kinds{"全部类型"};
  for (const AppealKind& k : appeal_kinds()) kinds.push_back(k.label);
  std::vector<std::string> status_texts;
  for (int i = 0; i < WorkbenchStatusFilterCount(); ++i) status_texts.push_back(WorkbenchStatusFilterLabel(i));
  std::vector<std::string_view> statuses(status_texts.begin(), status_texts.end());

  ui::RowLabel(form, "申诉类型", false);
  if (ui::Combo("申诉类型", &s.kind_filter, kinds, form.field_w())) out.reload_list = true;
  ui::RowGap(8);
  ui::RowLabel(form, "办理状态", false);
  if (ui::Combo("办理状态", &s.status_filter, statuses, form.field_w())) out.reload_list = true;
  ui::RowGap(8);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::Checkbox("只看超期", &s.overdue_only)) out.reload_list = true;
  ImGui::SameLine(0, 24);
  if (ui::Checkbox("我领取的", &s.mine_only)) out.reload_list = true;
  ImGui::SameLine(0, 24);
  if (ui::SecondaryButton("刷新列表", ImVec2(96, 32), s.list_loading)) out.reload_list = true;
  ui::RowGap(12);
}

void CaseRow(const ui::Form& form, const CaseSummary& c, WorkbenchActions& out) {
  const float w = form.width;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float left = ImGui::GetWindowPos().x + form.x;
  ImGui::SetCursorPosX(form.x + 12);
  ImGui::TextUnformatted(c.case_number.c_str());
  ImGui::SameLine(0, 12);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kPrimary));
  ImGui::TextUnformatted(c.status_label.c_str());
  ImGui::PopStyleColor();
  if (c.overdue) {
    ImGui::SameLine(0, 12);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kError));
    ImGui::TextUnformatted("已超期");
    ImGui::PopStyleColor();
  }
  const std::string claim = c.claimed_by_me ? "我已领取" : c.claimed ? "他人已领取" : "未领取";
  const std::string line2 = c.kind_label + " · 申请人 " + c.applicant + " · 联系电话 " + c.contact_phone;
  const std::string line3 = "提交 " + LocalTime(c.submitted_at) + " · 时限 " + LocalTime(c.due_at) + " · " + claim;
  ImGui::SetCursorPosX(form.x + 12);
  ui::Note(line2, w - 24, ui::color::kText);
  ImGui::SetCursorPosX(form.x + 12);
  ui::Note(line3, w - 24);
  const std::string text = c.case_number + " " + c.status_label + (c.overdue ? " 已超期 " : " ") + line2 + " " + line3;
  ImGui::SetCursorPosX(form.x + 12);
  const std::string open = "查看 " + c.case_number;
  if (ui::SecondaryButton(open.c_str(), ImVec2(std::min(220.0f, w - 24), 32))) out.open = c.case_number;
  ui::RowGap(2);
  const ImVec2 bottom(left + w, ImGui::GetCursorScreenPos().y);
  dl->AddRect(ImVec2(left, top.y - 6), bottom, c.overdue ? ui::color::kError : ui::color::kBorder, 4);
  if (c.overdue) dl->AddRectFilled(ImVec2(left, top.y - 6), ImVec2(left + 4, bottom.y), ui::color::kError, 4);
  a11y::Node n;  // one list item per case: screen readers (and tests) walk the list
  n.role = a11y::Role::ListItem;
  n.label = c.case_number;
  n.text = text;
  n.min = ImVec2(left, top.y - 6);
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(14);
}

}  // namespace

void WorkbenchCaseList(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out) {
  const ui::Form& form = ctx.form;
  Filters(form, s, out);
  if (!s.list_error.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.list_error, ui::Tone::Error, form.width);
    ui::RowGap(10);
  }
  if (s.list_loading && s.cases.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("正在加载…", form.width);
    return;
  }
  if (s.list_loaded && s.cases.empty() && s.list_error.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox("没有符合条件的申诉案件", ui::Tone::Info, form.width);
    return;
  }
  if (!s.list_error.empty()) return;
  const long overdue = std::count_if(s.cases.begin(), s.cases.end(), [](const CaseSummary& c) { return c.overdue; });
  ImGui::SetCursorPosX(form.x);
  ui::Note("共 " + std::to_string(s.cases.size()) + " 件" + (s.next_cursor.empty() ? "" : "（还有更多）") +
               (overdue ? "，其中 " + std::to_string(overdue) + " 件已超期" : ""),
           form.width);
  ui::RowGap(10);
  for (const CaseSummary& c : s.cases) CaseRow(form, c, out);
  if (!s.next_cursor.empty()) {
    ImGui::SetCursorPosX(form.x);
    if (ui::SecondaryButton("加载更多", ImVec2(form.width, 36), s.list_loading)) out.more = true;
  }
}

}  // namespace uia::web
