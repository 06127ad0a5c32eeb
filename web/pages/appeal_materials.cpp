#include "pages/appeal_materials.h"

#include "a11y.h"
#include "appeals/appeals.h"
#include "pages/centre_page.h"  // LocalTime
#include "pages/documents_page.h"

namespace uia::web {

std::string AppealMaterialButton(std::string_view material_code) {
  const AppealMaterialKind* m = find_appeal_material_kind(material_code);
  return "上传" + std::string(m ? m->label : material_code);
}

void AppealMaterialsStep(const PageContext& ctx, AppealFormState& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox("申诉编号：" + s.case_number + "。请上传以下材料（JPG、PNG 图片或 PDF 文件，每个不超过 " +
                     FileSizeText(static_cast<long long>(ctx.profile->document_max_kib) * 1024) + "），带 * 的为必需材料。",
                 ui::Tone::Info, form.field_w());
  ui::RowGap(12);
  bool busy = false, missing = false;
  for (size_t i = 0; i < s.materials.size(); ++i) {
    AppealMaterialSlot& m = s.materials[i];
    const AppealMaterialKind* kind = find_appeal_material_kind(m.code);
    const std::string label(kind ? kind->label : m.code);
    busy = busy || m.busy;
    missing = missing || (m.required && m.file_name.empty());
    ui::RowLabel(form, label.c_str(), m.required);
    const std::string button = AppealMaterialButton(m.code);
    ImGui::PushID(static_cast<int>(i));
    if (ui::SecondaryButton(button.c_str(), ImVec2(form.field_w(), 36), m.busy)) out.pick_material = static_cast<int>(i);
    ImGui::PopID();
    if (!m.error.empty()) {
      ui::FieldError(form, m.error, "data");
      continue;
    }
    ImGui::SetCursorPosX(form.field_x());
    const std::string state = m.busy ? "正在上传…" : m.file_name.empty() ? (m.required ? "未上传" : "未上传（选填）")
                                                                         : "已上传：" + m.file_name + "（" + m.size_text + "）";
    ui::Note(state, form.field_w(), m.file_name.empty() ? ui::color::kMuted : ui::color::kSuccess);
    a11y::Node n;  // what each chooser holds, for screen readers and tests
    n.role = a11y::Role::Status;
    n.label = label;
    n.text = state;
    a11y::set_last_item_rect(n);
    a11y::add(std::move(n));
    ui::RowGap(10);
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton(s.busy ? "正在提交…" : "提交申诉", ImVec2(form.field_w(), 40), s.busy || busy)) {
    s.error.clear();
    if (missing)
      s.error = "请上传全部必需材料（带 * 的项目）后再提交";
    else
      out.submit = true;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

void AppealDone(const PageContext& ctx, AppealFormState& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox("申诉已提交，我们将在一个工作日内完成审核，审核结果将通过短信通知您。请牢记申诉编号，可通过申诉进度查询了解进展。",
                 ui::Tone::Success, form.field_w());
  ui::RowGap(12);
  ReadOnlyRow(form, "申诉编号", s.case_number);
  if (!s.due_at.empty()) ReadOnlyRow(form, "审核截止时间", LocalTime(s.due_at));
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("申诉进度查询", ImVec2(form.field_w(), 40))) out.go_progress = true;
  ui::RowGap(8);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::SecondaryButton("返回登录", ImVec2(form.field_w(), 40))) out.go_login = true;
}

}  // namespace uia::web
