// 审核工作台 / one case: its fields, the account concerned, the materials (a picture shown here,
// a PDF downloaded), the history, and the reviewer's actions: 领取 / 放回, 通过 / 驳回 with the
// 审核意见. What the server refuses (409: claimed by another reviewer, already decided, the own
// first review, the account changed) is shown as an alert with the server's message.
#include <algorithm>

#include "a11y.h"
#include "appeals/appeals.h"
#include "pages/centre_page.h"  // LocalTime
#include "pages/documents_page.h"  // FileSizeText
#include "pages/enterprise_fields.h"  // RepIdTypeLabel, OrgTypeLabel
#include "pages/workbench_page.h"

namespace uia::web {
namespace {

void Section(const ui::Form& form, const char* title) {
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.x);
  ui::Heading(title, 2);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float left = ImGui::GetWindowPos().x + form.x;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(left, p.y - 2), ImVec2(left + form.width, p.y - 2), ui::color::kBorder);
  ui::RowGap(8);
}

struct ActionLabel {
  std::string_view action, label;
};
// What the history's actions mean to a reviewer (the server's event codes).
constexpr ActionLabel kActions[] = {
    {"filed", "创建申诉"},          {"material_added", "上传材料"}, {"material_deleted", "删除材料"},
    {"submitted", "提交申诉"},      {"claimed", "领取"},           {"released", "放回"},
    {"first_approved", "初审通过"}, {"approved", "通过"},          {"rejected", "驳回"},
    {"progress_read", "申诉人查询进度"}, {"materials_purged", "材料已清除"},
};

// An event's note names a kind, a material or a status by its code: shown by its label.
std::string NoteText(const std::string& note) {
  if (const AppealKind* k = find_appeal_kind(note)) return std::string(k->label);
  if (const AppealMaterialKind* m = find_appeal_material_kind(note)) return std::string(m->label);
  for (const AppealStatus& st : appeal_statuses())
    if (st.code == note) return std::string(st.label);
  return note;
}

std::string ActionText(std::string_view action) {
  for (const ActionLabel& a : kActions)
    if (a.action == action) return std::string(a.label);
  return std::string(action);
}

// "appellant", "staff:12", "system" as a reviewer reads them.
std::string ActorText(const std::string& actor) {
  if (actor == "appellant") return "申诉人";
  if (actor == "system") return "系统";
  if (actor.rfind("staff:", 0) == 0) return "工作人员 #" + actor.substr(6);
  return actor;
}

std::string AccountTypeLabel(const std::string& type) {
  return type == "enterprise" ? "法人账号" : type == "person" ? "个人账号" : type;
}

// Codes among the case's fields (document and organisation types) by their labels.
std::string FieldValueText(const Profile& profile, const std::string& field, const std::string& value) {
  if (field.size() >= 7 && field.compare(field.size() - 7, 7, "id_type") == 0) {
    const std::string_view label = RepIdTypeLabel(value);
    return label.empty() ? value : std::string(label);
  }
  if (field == "organisation_type") return OrgTypeLabel(profile, value);
  return value;
}

void CaseFacts(const ui::Form& form, const Profile& profile, const CaseDetail& d) {
  const CaseSummary& c = d.summary;
  Section(form, "案件信息");
  ReadOnlyRow(form, "案件编号", c.case_number);
  ReadOnlyRow(form, "申诉类型", c.kind_label);
  ReadOnlyRow(form, "办理状态", c.status_label + (c.overdue ? "（已超期）" : ""));
  ReadOnlyRow(form, "提交时间", LocalTime(c.submitted_at));
  ReadOnlyRow(form, "办理时限", LocalTime(c.due_at));
  ReadOnlyRow(form, "联系电话", c.contact_phone);
  if (!d.decided_at.empty()) ReadOnlyRow(form, "办结时间", LocalTime(d.decided_at));
  if (!d.reason.empty()) ReadOnlyRow(form, "审核意见", d.reason);

  Section(form, "申诉内容");
  for (const auto& [field, value] : d.details) {
    const std::string label(CaseFieldLabel(field));
    ReadOnlyRow(form, label.c_str(), FieldValueText(profile, field, value));
  }

  Section(form, "涉及账号");
  if (!d.has_account) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("系统中没有与申诉内容对应的账号。驳回时请说明原因，不要向申诉人透露账号是否存在。", form.field_w());
    return;
  }
  ReadOnlyRow(form, "账号类型", AccountTypeLabel(d.account_type) + " #" + std::to_string(d.account_id));
  ReadOnlyRow(form, "账号名称", d.account_name);
  if (!d.account_phone.empty()) ReadOnlyRow(form, "账号手机", d.account_phone);
  ReadOnlyRow(form, "账号状态", d.account_frozen ? "已冻结" : d.account_status == "active" ? "正常" : d.account_status);
}

void Materials(const ui::Form& form, WorkbenchState& s, WorkbenchActions& out) {
  const CaseDetail& d = s.detail;
  Section(form, "申诉材料");
  if (d.materials_purged) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("材料已按保存期限清除。", form.width);
  }
  if (d.materials.empty() && !d.materials_purged) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("没有上传材料。", form.width);
  }
  for (const CaseMaterial& m : d.materials) {
    const bool pdf = m.content_type == "application/pdf";
    const std::string line = m.label + "（" + (pdf ? "PDF" : m.content_type == "image/png" ? "PNG" : "JPG") + "，" +
                             FileSizeText(m.size) + "）";
    ImGui::SetCursorPosX(form.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    a11y::Node n;
    n.role = a11y::Role::ListItem;
    n.label = m.label;
    n.text = line;
    a11y::set_last_item_rect(n);
    a11y::add(std::move(n));
    const std::string button = (pdf ? "下载材料：" : "查看材料：") + m.label;
    const float bw = std::min(form.width, ImGui::CalcTextSize(button.c_str()).x + 28);
    if (form.wide && ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + bw + 16 < form.x + form.width) {
      ImGui::SameLine();
      ImGui::SetCursorPosX(form.x + form.width - bw);
    } else {
      ImGui::SetCursorPosX(form.x);
    }
    if (ui::SecondaryButton(button.c_str(), ImVec2(bw, 32), s.material.loading)) out.view_material = m.id;
    ui::RowGap(4);
  }
  MaterialView& v = s.material;
  if (v.loading) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("正在打开 " + v.label + "…", form.width);
  }
  if (!v.error.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(v.error, ui::Tone::Error, form.width);
  }
  if (!v.info.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(v.info, ui::Tone::Info, form.width);
  }
  if (v.image.texture && v.image.width > 0) {
    ui::RowGap(6);
    const float max_w = form.width, max_h = 520.0f;
    const float scale = std::min({1.0f, max_w / v.image.width, max_h / v.image.height});
    const ImVec2 size(v.image.width * scale, v.image.height * scale);
    ImGui::SetCursorPosX(form.x);
    ImGui::Image(v.image.texture, size, ImVec2(0, 0), ImVec2(1, 1), ImVec4(1, 1, 1, 1),
                 ImGui::ColorConvertU32ToFloat4(ui::color::kBorder));
    a11y::Node n;  // the picture itself: tests check it arrived with its real size
    n.role = a11y::Role::Image;
    n.label = "材料图片：" + v.label;
    n.text = std::to_string(v.image.width) + "×" + std::to_string(v.image.height);
    a11y::set_last_item_rect(n);
    a11y::add(std::move(n));
  }
}

void History(const ui::Form& form, const CaseDetail& d) {
  Section(form, "处理记录");
  for (const CaseEvent& e : d.events) {
    std::string line = LocalTime(e.at) + "  " + ActionText(e.action) + (e.actor.empty() ? "" : "（" + ActorText(e.actor) + "）");
    if (!e.note.empty()) line += "：" + NoteText(e.note);
    ImGui::SetCursorPosX(form.x);
    ui::Note(line, form.width, ui::color::kText);
    a11y::Node n;
    n.role = a11y::Role::ListItem;
    n.label = "处理记录";
    n.text = line;
    a11y::set_last_item_rect(n);
    a11y::add(std::move(n));
  }
}

void Decision(const ui::Form& form, WorkbenchState& s, WorkbenchActions& out) {
  const CaseSummary& c = s.detail.summary;
  Section(form, "审核操作");
  ResultMessage(form, s.case_error, s.case_info);
  const bool queued = c.status == "submitted" || c.status == "awaiting_second";
  const bool mine = c.claimed_by_me && (c.status == "in_review" || c.status == "second_review");
  if (appeal_status_final(c.status)) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("该申诉已办结：" + c.status_label, form.field_w());
    return;
  }
  if (c.claimed && !c.claimed_by_me) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("该申诉已由其他审核人员领取。", form.field_w());
    return;
  }
  if (queued || !mine) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("领取后才能审核；领取期间其他审核人员不能处理该申诉。", form.field_w());
    ImGui::SetCursorPosX(form.field_x());
    if (ui::PrimaryButton("领取", ImVec2(form.field_w(), 40), s.busy)) out.claim = true;
    return;
  }
  ui::TextFieldSpec spec{.label = "审核意见", .hint = "驳回时必填，将以短信告知申诉人", .field = "reason", .required = false};
  ui::TextField(form, spec, s.reason, !s.reason.server_error.empty());
  ui::FieldError(form, s.reason.server_error, "reason");
  ui::RowGap(10);
  const float gap = 12, w = (form.field_w() - gap * 2) / 3;
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("通过", ImVec2(w, 40), s.busy)) out.decide = "approve";
  ImGui::SameLine(0, gap);
  if (ui::SecondaryButton("驳回", ImVec2(w, 40), s.busy)) out.decide = "reject";  // no reason: the server says so
  ImGui::SameLine(0, gap);
  if (ui::SecondaryButton("放回", ImVec2(w, 40), s.busy)) out.release = true;
}

}  // namespace

void WorkbenchCaseView(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.x);
  if (ui::LinkButton("返回列表")) out.back_to_list = true;
  if (s.case_loading && !s.has_detail) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("正在加载申诉 " + s.open_case + "…", form.width);
    return;
  }
  if (!s.has_detail) {
    ResultMessage(form, s.case_error, "");
    return;
  }
  CaseFacts(form, *ctx.profile, s.detail);
  Materials(form, s, out);
  Decision(form, s, out);
  History(form, s.detail);
}

}  // namespace uia::web
