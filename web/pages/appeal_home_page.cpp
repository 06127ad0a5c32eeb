#include "pages/appeal_home_page.h"

#include "a11y.h"
#include "appeals/appeals.h"
#include "pages/enterprise_fields.h"

namespace uia::web {
namespace {

std::string materials_text(std::string_view kind) {
  std::string text = "所需材料：";
  bool first = true;
  for (auto code : required_appeal_materials(kind)) {
    if (const AppealMaterialKind* m = find_appeal_material_kind(code)) {
      if (!first) text += "、";
      text += m->label;
      first = false;
    }
  }
  return text + "。";
}

void kind_card(const ui::Form& form, const AppealKind& kind, AppealHomeActions& out) {
  ImGui::SetCursorPosX(form.x);
  const std::string label(kind.label);
  if (ui::PrimaryButton(label.c_str(), ImVec2(form.width, 40))) out.start = std::string(kind.code);
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x);
  ui::Note(kind.hint, form.width, ui::color::kText);
  ImGui::SetCursorPosX(form.x);
  ui::Note(materials_text(kind.code), form.width);
  ui::RowGap(14);
}

void group(const ui::Form& form, AppealParty party, AppealHomeActions& out) {
  const bool enterprise = party == AppealParty::Enterprise;
  SectionTitle(form, enterprise ? "法人账号申诉" : "个人账号申诉");
  ui::RowGap(4);
  for (const auto& kind : appeal_kinds())
    if (kind.party == party) kind_card(form, kind, out);
  if (!enterprise) return;
  ImGui::SetCursorPosX(form.x);
  ui::Note("法人申诉需上传加盖企业公章的申诉授权书，请先下载模板填写。", form.width);
  ImGui::SetCursorPosX(form.x);
  if (ui::LinkButton("下载申诉授权书模板")) out.download_template = true;
  ui::RowGap(14);
}

}  // namespace

void AppealHomePage(const PageContext& ctx, AppealHomeState& s, AppealHomeActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "账号申诉", "返回登录")) out.go_login = true;
  ui::RowGap(4);
  if (!s.message.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.message, ui::Tone::Info, form.width);
    ui::RowGap(12);
  }
  ImGui::SetCursorPosX(form.x);
  ui::Note("账号无法通过找回密码等方式恢复时，可提交账号申诉，工作人员将在一个工作日内审核，结果以短信通知。", form.width);
  ui::RowGap(12);
  group(form, s.enterprise_first ? AppealParty::Enterprise : AppealParty::Person, out);
  group(form, s.enterprise_first ? AppealParty::Person : AppealParty::Enterprise, out);
  ImGui::SetCursorPosX(form.x);
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
  ImGui::TextUnformatted("已提交申诉？");
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  if (ui::LinkButton("申诉进度查询")) out.go_progress = true;
}

}  // namespace uia::web
