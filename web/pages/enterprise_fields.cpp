#include "pages/enterprise_fields.h"

#include "api/error_code.h"
#include "api/validate.h"
#include "ids/documents.h"
#include "ids/uscc.h"
#include "policy/person_name.h"

namespace uia::web {
namespace {

const char* const kOrgTypeLabels[] = {"企业", "社会组织", "事业单位"};
const char* const kOrgTypeNames[] = {"enterprise", "social_organisation", "public_institution"};
const char* const kRepIdLabels[] = {"居民身份证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "护照",
                                    "外国人永久居留身份证"};
const char* const kRepIdNames[] = {"resident", "hk_macau_permit", "taiwan_permit", "passport", "foreign_permanent_id"};
const ValueKind kRepIdKinds[] = {ValueKind::ResidentId, ValueKind::HkMacauPermit, ValueKind::TaiwanPermit,
                                 ValueKind::Passport, ValueKind::ForeignPermanentId};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

int code_points(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

const char* OrgTypeLabel(int index) { return kOrgTypeLabels[index >= 0 && index < kOrgTypeCount ? index : 0]; }
const char* OrgTypeName(int index) { return kOrgTypeNames[index >= 0 && index < kOrgTypeCount ? index : 0]; }
int OrgTypeIndex(std::string_view name) {
  for (int i = 0; i < kOrgTypeCount; ++i)
    if (name == kOrgTypeNames[i]) return i;
  return 0;
}

bool OrgTypeRow(const ui::Form& form, int* index) {
  ui::RowLabel(form, "法人类型", true);
  ui::AlignCompactRow();
  bool changed = false;
  for (int i = 0; i < kOrgTypeCount; ++i) {
    if (i) ImGui::SameLine(0, 20);
    if (ui::RadioButton(kOrgTypeLabels[i], *index == i) && *index != i) {
      *index = i;
      changed = true;
    }
  }
  ui::RowGap();
  return changed;
}

const char* const* RepIdTypeLabels() { return kRepIdLabels; }
const char* RepIdTypeName(int index) { return kRepIdNames[index >= 0 && index < kRepIdTypeCount ? index : 0]; }
const char* RepIdTypeLabel(std::string_view name) {
  for (int i = 0; i < kRepIdTypeCount; ++i)
    if (name == kRepIdNames[i]) return kRepIdLabels[i];
  return "";
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
  const ValueKind kind = kRepIdKinds[id_type >= 0 && id_type < kRepIdTypeCount ? id_type : 0];
  if (kind == ValueKind::ResidentId) return msg(check_document_number(kind, normalize_document_number(number), today));
  return msg(check_document_number(kind, number, today));
}

std::string RepIdNumberForRequest(int id_type, std::string_view number) {
  return id_type == 0 ? normalize_document_number(number) : std::string(number);
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
