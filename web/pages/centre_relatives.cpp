// 个人中心 / 亲属管理 (seed 000 四、(6) ①): the relatives a person may act for. Each one is
// checked with the police identity service; a relative of 16 and over must also pass a face
// check ("16 周岁以上需要亲属人脸验证"), so it shows 待人脸验证 until the check on the phone
// passes. Under 16 no validity dates are asked (the ID number says the birth date). The server
// sends name and number masked only, so 编辑 asks for both again, as 地址管理 does for a phone.
#include <algorithm>
#include <optional>
#include <string>

#include "a11y.h"
#include "ids/id_types.h"
#include "ids/resident_id.h"
#include "json.h"
#include "pages/centre_page.h"
#include "policy/date.h"
#include "policy/id_validity.h"
#include "policy/person_name.h"

namespace uia::web {

namespace {

// The documents a relative may be identified by: the ones the police service checks, from the
// shared catalogue (the resident ID card first, so pick 0 is the resident ID).
std::vector<const IdTypeInfo*> relative_id_types() {
  std::vector<const IdTypeInfo*> out;
  for (const auto& t : id_types())
    if (checked_by_police(t)) out.push_back(&t);
  return out;
}

std::vector<std::string_view> relative_id_labels() {
  std::vector<std::string_view> out;
  for (const IdTypeInfo* t : relative_id_types()) out.push_back(t->label);
  return out;
}

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

const char* status_text(const std::string& status) {
  if (status == "verified") return "已核验";
  if (status == "face_failed") return "人脸验证未通过";
  return "待人脸验证";
}

// What the form knows about the relative's age: the birth date from the ID number or the field.
std::optional<Date> birth_of(const RelationsState& r, Date today) {
  if (r.id_type_pick == 0) {
    const auto id = parse_resident_id(r.rel_id_number.str(), today);
    return id ? std::optional<Date>(id->birth_date) : std::nullopt;
  }
  return parse_date(r.rel_birth.str());
}

// Validity dates apply to a resident ID from 16 on; other documents may carry them.
bool validity_applies(const RelationsState& r, Date today) {
  if (r.id_type_pick != 0) return true;
  const auto birth = birth_of(r, today);
  return birth && needs_validity_dates(*birth, today);
}

void relative_card(const PageContext& ctx, const RelationsState::Relative& v, bool busy, CentreState& s,
                   RelationsActions& out) {
  const ui::Form& form = ctx.form;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const bool verified = v.status == "verified";
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kPrimary));
  ImGui::TextUnformatted(v.relation_label.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 12);
  ImGui::TextUnformatted(v.name.c_str());
  ImGui::SameLine(0, 12);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(verified ? ui::color::kSuccess : ui::color::kError));
  ImGui::TextUnformatted(status_text(v.status));
  ImGui::PopStyleColor();
  ImGui::SetCursorPosX(form.x + 12);
  std::string detail = v.id_number + " · " + std::to_string(v.age) + "岁";
  if (!v.valid_from.empty())
    detail += " · 有效期 " + v.valid_from + " 至 " + (v.valid_to == "long_term" ? std::string("长期") : v.valid_to);
  ui::Note(detail, form.width - 24, ui::color::kText);
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.x + 12);
  ImGui::PushID(static_cast<int>(v.id));
  if (ui::SecondaryButton("编辑", ImVec2(64, 30), busy)) OpenRelativeForm(*ctx.profile, s, &v);
  ImGui::SameLine(0, 8);
  if (ui::SecondaryButton("删除", ImVec2(64, 30), busy)) out.delete_relative = v.id;
  if (!verified) {
    ImGui::SameLine(0, 8);
    if (ui::SecondaryButton("人脸验证", ImVec2(88, 30), busy)) out.relative_face = v.id;
  }
  ImGui::PopID();
  ui::RowGap(6);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = v.relation_label + " " + v.name + "（" + status_text(v.status) + "）";
  n.text = n.label + " " + detail;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(8);
}

void relative_form(const PageContext& ctx, CentreState& s, RelationsActions& out) {
  const ui::Form& form = ctx.form;
  RelationsState& r = s.relations;
  const bool resident = r.id_type_pick == 0;
  std::string_view name_msg = msg(check_person_name(r.rel_name.str()));
  std::string_view id_msg = r.rel_id_number.empty() ? message_zh(ErrorCode::IdNumberEmpty)
                            : resident               ? msg(check_resident_id(r.rel_id_number.str(), ctx.today))
                                                     : std::string_view();
  std::string_view birth_msg;
  if (!resident) {
    const auto birth = parse_date(r.rel_birth.str());
    if (!birth || ctx.today < *birth) birth_msg = message_zh(ErrorCode::BirthDateInvalid);
  }
  const bool dates = validity_applies(r, ctx.today);
  std::string_view from_msg, to_msg;
  std::string validity_message;
  if (dates && id_msg.empty() && birth_msg.empty()) {
    const auto birth = birth_of(r, ctx.today);
    const std::optional<std::string> from = r.rel_valid_from.empty() ? std::nullopt : std::optional<std::string>(r.rel_valid_from.str());
    const std::optional<std::string> to = r.rel_long_term          ? std::optional<std::string>("long_term")
                                          : r.rel_valid_to.empty() ? std::nullopt
                                                                   : std::optional<std::string>(r.rel_valid_to.str());
    const ValidityFieldsCheck v = check_validity_fields(resident, *birth, from, to, ctx.today);
    if (!v.verdict.ok()) {
      validity_message = std::string(v.verdict.message_zh());
      (v.field == "id_valid_to" ? to_msg : from_msg) = validity_message;
    }
  }

  ImGui::SetCursorPosX(form.x);
  ui::Heading(r.relative_edit_id ? "编辑亲属" : "新增亲属", 2);
  ui::RowGap(6);
  if (r.relative_edit_id) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("为保护隐私，已保存的姓名和证件号码只显示部分内容，保存前请重新输入完整信息；修改后将重新核验。", form.field_w());
    ui::RowGap(8);
  }
  ui::RowLabel(form, "与本人关系", true);
  ImGui::SetCursorPosX(form.field_x());
  ui::Combo("与本人关系", &r.relation_pick, ui::CatalogueLabels(ctx.profile->relations), form.field_w());
  ui::RowGap(12);
  ui::TextFieldSpec spec;
  spec.label = "亲属姓名";
  spec.hint = "请输入亲属的真实姓名";
  spec.field = "name";
  row(form, spec, r.rel_name, ShownError(r.rel_name, name_msg, s.submitted));
  ui::RowLabel(form, "亲属证件类型", true);
  ImGui::SetCursorPosX(form.field_x());
  ui::Combo("亲属证件类型", &r.id_type_pick, relative_id_labels(), form.field_w());
  ui::RowGap(12);
  spec = {};
  spec.label = "亲属证件号码";
  spec.hint = "请输入完整的证件号码";
  spec.field = "id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  row(form, spec, r.rel_id_number, ShownError(r.rel_id_number, id_msg, s.submitted));
  if (!resident) {
    spec = {};
    spec.label = "出生日期";
    spec.hint = "例如 1960-08-08";
    spec.field = "birth_date";
    row(form, spec, r.rel_birth, ShownError(r.rel_birth, birth_msg, s.submitted));
  }
  if (dates) {
    spec = {};
    spec.label = "有效期开始日期";
    spec.hint = "例如 2010-09-01";
    spec.field = "id_valid_from";
    spec.required = resident;
    row(form, spec, r.rel_valid_from, ShownError(r.rel_valid_from, from_msg, s.submitted));
    ImGui::SetCursorPosX(form.field_x());
    ui::Checkbox("长期有效", &r.rel_long_term);
    ui::RowGap(10);
    if (!r.rel_long_term) {
      spec = {};
      spec.label = "有效期结束日期";
      spec.hint = "例如 2030-09-01";
      spec.field = "id_valid_to";
      spec.required = resident;
      row(form, spec, r.rel_valid_to, ShownError(r.rel_valid_to, to_msg, s.submitted));
    } else {
      ui::FieldError(form, ShownError(r.rel_valid_to, to_msg, s.submitted), "id_valid_to");
    }
  } else if (resident && id_msg.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("亲属未满16周岁：无需填写证件有效期，也无需人脸验证。", form.field_w());
    ui::RowGap(8);
  }
  if (dates && resident) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("亲属年满16周岁：保存后需由亲属本人在手机上完成人脸验证，验证一致即绑定成功。", form.field_w());
    ui::RowGap(8);
  }
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  const float half = (form.field_w() - 12) / 2;
  if (ui::PrimaryButton("保存亲属", ImVec2(half, 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    struct { std::string_view m; ui::Field* f; } checks[] = {{name_msg, &r.rel_name}, {id_msg, &r.rel_id_number},
                                                             {birth_msg, &r.rel_birth}, {from_msg, &r.rel_valid_from},
                                                             {to_msg, &r.rel_valid_to}};
    bool ok = true;
    for (auto& c : checks)
      if (!c.m.empty()) {
        c.f->focus_request = true;
        ok = false;
        break;
      }
    out.save_relative = ok;
  }
  ImGui::SameLine(0, 12);
  if (ui::SecondaryButton("取消", ImVec2(half, 40), s.busy)) {
    r.relative_form = false;
    s.submitted = false;
    s.error.clear();
  }
}

}  // namespace

void OpenRelativeForm(const Profile& profile, CentreState& s, const RelationsState::Relative* v) {
  RelationsState& r = s.relations;
  r.relative_form = true;
  s.submitted = false;
  s.error.clear();
  s.success.clear();
  r.relative_edit_id = v ? v->id : 0;
  r.relation_pick = 0;
  r.id_type_pick = 0;
  if (v) r.relation_pick = ui::CatalogueIndex(profile.relations, v->relation);
  const auto types = relative_id_types();
  for (std::size_t i = 0; v && i < types.size(); ++i)
    if (v->id_type == types[i]->code) r.id_type_pick = static_cast<int>(i);
  r.rel_name.reset();
  r.rel_id_number.reset();
  r.rel_birth.reset();
  r.rel_valid_from.reset();
  r.rel_valid_to.reset();
  r.rel_long_term = v && v->valid_to == "long_term";
  if (v && !v->valid_from.empty()) r.rel_valid_from.set(v->valid_from);
  if (v && !v->valid_to.empty() && v->valid_to != "long_term") r.rel_valid_to.set(v->valid_to);
}

void FaceWaitBox(const ui::Form& form, const FaceWait& f, const char* what) {
  if (f.ticket.empty()) return;
  std::string text;
  ui::Tone tone = ui::Tone::Info;
  if (f.status == "passed") {
    text = std::string(what) + "已通过。";
    tone = ui::Tone::Success;
  } else if (f.status == "failed") {
    text = std::string(what) + "未通过，可重新发起验证。";
    tone = ui::Tone::Error;
  } else if (!f.status.empty() && f.status != "pending") {
    text = std::string(what) + "已失效，请重新发起验证。";
    tone = ui::Tone::Error;
  } else {
    text = "请使用手机打开以下链接完成" + std::string(what) + "（验证单号 " + f.ticket + "）：" + f.url +
           "。本页面将自动更新验证结果。";
  }
  ImGui::SetCursorPosX(form.x);
  ui::MessageBox(text, tone, form.width);
  ui::RowGap(10);
}

void CentreRelativesTab(const PageContext& ctx, CentreState& s, RelationsActions& out) {
  const ui::Form& form = ctx.form;
  RelationsState& r = s.relations;
  if (r.relative_form) {
    relative_form(ctx, s, out);
    return;
  }
  if (!r.relatives_loaded && !r.relatives_loading && s.error.empty()) out.load_relatives = true;
  ImGui::SetCursorPosX(form.x);
  ui::Note("绑定亲属后可为亲属代办事项。每位亲属都经公安部门核验身份；年满16周岁的亲属还需本人完成人脸验证。", form.width);
  ui::RowGap(10);
  FaceWaitBox(form, r.relative_face, "亲属人脸验证");
  if (!r.relatives_loaded) {
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取亲属…", form.width);
    ui::RowGap(8);
    return;
  }
  if (r.relatives.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("您还没有添加亲属。", form.width, ui::color::kText);
    ui::RowGap(10);
  }
  for (const auto& v : r.relatives) relative_card(ctx, v, r.relative_busy == v.id || s.busy, s, out);
  ImGui::SetCursorPosX(form.x);
  if (ui::PrimaryButton("新增亲属", ImVec2(std::min(form.width, 200.0f), 40), s.busy)) OpenRelativeForm(*ctx.profile, s, nullptr);
}

std::string RelativeBody(const Profile& profile, const RelationsState& r, Date today) {
  JsonObject o;
  const auto types = relative_id_types();
  o.add("relation", ui::CatalogueCode(profile.relations, r.relation_pick))
      .add("name", r.rel_name.str())
      .add("id_type", types[std::clamp(r.id_type_pick, 0, static_cast<int>(types.size()) - 1)]->code)
      .add("id_number", r.rel_id_number.str());
  if (r.id_type_pick != 0) o.add("birth_date", r.rel_birth.str());
  const bool dates = validity_applies(r, today);
  if (dates && !r.rel_valid_from.empty()) o.add("id_valid_from", r.rel_valid_from.str());
  if (dates && (r.rel_long_term || !r.rel_valid_to.empty()))
    o.add("id_valid_to", r.rel_long_term ? std::string_view("long_term") : r.rel_valid_to.str());
  return o.str();
}

}  // namespace uia::web
