#include "pages/enterprise_fields.h"

#include <algorithm>

#include "api/error_code.h"
#include "api/validate.h"
#include "ids/documents.h"
#include "ids/id_types.h"
#include "ids/uscc.h"
#include "policy/person_name.h"

namespace uia::web {
namespace {

// The picked document type (the pick clamped into the catalogue).
const IdTypeInfo& rep_id_type(int index) {
  const auto all = id_types();
  return all[std::clamp(index, 0, static_cast<int>(all.size()) - 1)];
}

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

int code_points(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string OrgTypeLabel(const Profile& profile, std::string_view code) {
  const std::string_view label = catalogue_label(profile.organisation_types, code);
  return std::string(label.empty() ? code : label);
}

bool OrgTypeRow(const ui::Form& form, const Profile& profile, int* index) {
  const auto& types = profile.organisation_types;
  ui::RowLabel(form, "法人类型", true);
  ui::AlignCompactRow();
  bool changed = false;
  for (int i = 0; i < static_cast<int>(types.size()); ++i) {
    if (i) ImGui::SameLine(0, 20);
    if (ui::RadioButton(types[i].label.c_str(), *index == i) && *index != i) {
      *index = i;
      changed = true;
    }
  }
  ui::RowGap();
  return changed;
}

std::vector<std::string_view> RepIdTypeLabels() {
  std::vector<std::string_view> labels;
  for (const auto& t : id_types()) labels.push_back(t.label);
  return labels;
}
std::string_view RepIdTypeName(int index) { return rep_id_type(index).code; }
std::string_view RepIdTypeLabel(std::string_view name) {
  const IdTypeInfo* type = find_id_type(name);
  return type ? type->label : std::string_view();
}

std::string_view UsccMessage(std::string_view uscc) { return msg(check_uscc(uscc)); }

std::string_view EnterpriseNameMessage(std::string_view name) {
  const int n = code_points(name);
  if (n == 0) return "请输入法人名称";
  return n < 2 || n > 100 ? message_zh(ErrorCode::EnterpriseNameInvalid) : std::string_view();
}

std::string_view RepNameMessage(std::string_view name) {
  return name.empty() ? std::string_view("请输入法定代表人姓名") : msg(check_person_name(name));
}

std::string_view RepIdNumberMessage(int id_type, std::string_view number, Date today) {
  if (number.empty()) return message_zh(ErrorCode::IdNumberEmpty);
  const ValueKind kind = rep_id_type(id_type).kind;
  if (kind == ValueKind::ResidentId) return msg(check_document_number(kind, normalize_document_number(number), today));
  return msg(check_document_number(kind, number, today));
}

std::string RepIdNumberForRequest(int id_type, std::string_view number) {
  return rep_id_type(id_type).kind == ValueKind::ResidentId ? normalize_document_number(number) : std::string(number);
}

bool CheckedRow(const ui::Form& form, const ui::TextFieldSpec& spec, ui::Field& f, std::string_view live, bool submitted) {
  const std::string_view shown = ShownError(f, live, submitted);
  const bool edited = ui::TextField(form, spec, f, !shown.empty());
  ui::FieldError(form, shown, spec.field);
  return edited;
}

void SectionTitle(const ui::Form& form, const char* text) {
  ImGui::SetCursorPosX(form.x);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(b.x + 8, (a.y + b.y) * 0.5f),
                                      ImVec2(ImGui::GetWindowPos().x + form.x + form.width, (a.y + b.y) * 0.5f),
                                      IM_COL32(228, 231, 236, 255));
  ui::RowGap(8);
}

const char* EnterpriseStatusText(std::string_view status) {
  if (status == "active") return "已核验（实名用户）";
  if (status == "unverified") return "待核验（未实名用户）";
  if (status == "pending_face") return "待法定代表人人脸识别";
  if (status == "pending_activation") return "待激活";
  if (status == "registry_mismatch") return "与工商登记信息不一致";
  return "—";
}

}  // namespace uia::web
