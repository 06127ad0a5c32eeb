// 个人中心 / 基本信息: what a citizen may change about themselves (GET/PUT /api/v1/me/profile):
// 民族, 学历, 职业 (pickers from GET /api/v1/profile/options), 工作单位, 联系地址, 邮政编码,
// the ID card's validity dates (长期有效) and a corrected name (checked again with the police
// register by the server). Read-only under the masked identity rows until 编辑 is pressed.
#include <string>

#include "api/error_code.h"
#include "json.h"
#include "pages/centre_page.h"
#include "policy/contact.h"
#include "policy/date.h"
#include "policy/person_name.h"

namespace uia::web {
namespace {

const char* const kPickerLabels[] = {"民族", "学历", "职业"};
const char* const kPickerFields[] = {"ethnicity", "education", "occupation"};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

std::string or_unset(const std::string& v) { return v.empty() ? "未填写" : v; }

std::string validity_text(const CentreState& s) {
  if (s.valid_from.empty() && s.valid_to.empty()) return "未填写";
  return s.valid_from + " 至 " + (s.valid_to == "long_term" ? std::string("长期") : s.valid_to);
}

bool date_ok(const ui::Field& f) { return parse_date(f.str(), /*compact=*/true).has_value(); }

void editor(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  std::string_view name_msg = s.edit_name.empty() ? std::string_view() : msg(check_person_name(s.edit_name.str()));
  std::string_view from_msg = s.edit_valid_from.empty() || date_ok(s.edit_valid_from) ? std::string_view()
                                                                                      : message_zh(ErrorCode::DateInvalid);
  std::string_view to_msg = s.edit_long_term || s.edit_valid_to.empty() || date_ok(s.edit_valid_to)
                                ? std::string_view()
                                : message_zh(ErrorCode::DateInvalid);
  // Optional: checked only when one is given.
  const std::string_view postcode_msg =
      s.edit_postcode.empty() ? std::string_view() : msg(check_postcode(s.edit_postcode.str()));

  ui::TextFieldSpec spec;
  spec.label = "更正姓名";
  spec.hint = "姓名有误时填写完整姓名，否则留空";
  spec.field = "name";
  spec.required = false;
  row(form, spec, s.edit_name, ShownError(s.edit_name, name_msg, s.submitted));
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("更正的姓名将与证件号码一起重新提交公安部门核验。", form.field_w());
  ui::RowGap(8);

  spec = {};
  spec.label = "有效期开始日期";
  spec.hint = "YYYY-MM-DD";
  spec.field = "id_valid_from";
  spec.required = false;
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  row(form, spec, s.edit_valid_from, ShownError(s.edit_valid_from, from_msg, s.submitted));
  if (!s.edit_long_term) {
    spec = {};
    spec.label = "有效期结束日期";
    spec.hint = "YYYY-MM-DD";
    spec.field = "id_valid_to";
    spec.required = false;
    spec.flags = ImGuiInputTextFlags_CharsNoBlank;
    row(form, spec, s.edit_valid_to, ShownError(s.edit_valid_to, to_msg, s.submitted));
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::Checkbox("长期有效", &s.edit_long_term)) s.edit_valid_to.server_error.clear();
  ui::RowGap(12);

  for (int i = 0; i < 3; ++i) {
    ui::RowLabel(form, kPickerLabels[i], false);
    ImGui::SetCursorPosX(form.field_x());
    ui::Combo(kPickerLabels[i], &s.option_pick[i], s.option_texts[i].data(), static_cast<int>(s.option_texts[i].size()),
              form.field_w());
    ui::RowGap(12);
  }

  spec = {};
  spec.label = "工作单位";
  spec.hint = "选填";
  spec.field = "work_unit";
  spec.required = false;
  row(form, spec, s.edit_work_unit, ShownError(s.edit_work_unit, {}, s.submitted));
  spec = {};
  spec.label = "联系地址";
  spec.hint = "选填";
  spec.field = "contact_address";
  spec.required = false;
  row(form, spec, s.edit_contact_address, ShownError(s.edit_contact_address, {}, s.submitted));
  spec = {};
  spec.label = "邮政编码";
  spec.hint = "6位数字（选填）";
  spec.field = "postcode";
  spec.required = false;
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  row(form, spec, s.edit_postcode, ShownError(s.edit_postcode, postcode_msg, s.submitted));

  ImGui::SetCursorPosX(form.field_x());
  const float half = (form.field_w() - 12) / 2;
  if (ui::PrimaryButton("保存", ImVec2(half, 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    struct { std::string_view m; ui::Field* f; } checks[] = {
        {name_msg, &s.edit_name}, {from_msg, &s.edit_valid_from}, {to_msg, &s.edit_valid_to}, {postcode_msg, &s.edit_postcode}};
    bool ok = true;
    for (auto& c : checks)
      if (!c.m.empty()) {
        c.f->focus_request = true;
        ok = false;
        break;
      }
    out.save_profile = ok;
  }
  ImGui::SameLine(0, 12);
  if (ui::SecondaryButton("取消", ImVec2(half, 40), s.busy)) {
    s.editing = false;
    s.submitted = false;
    s.error.clear();
  }
  ui::RowGap(8);
}

}  // namespace

void CentreProfileSection(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.profile_loaded) {
    if (!s.profile_loading && s.error.empty()) out.load_profile = true;
    return;
  }
  if (s.editing) {
    editor(ctx, s, out);
    return;
  }
  ReadOnlyRow(form, "证件有效期", validity_text(s));
  ReadOnlyRow(form, "民族", or_unset(s.ethnicity));
  ReadOnlyRow(form, "学历", or_unset(s.education));
  ReadOnlyRow(form, "职业", or_unset(s.occupation));
  ReadOnlyRow(form, "工作单位", or_unset(s.work_unit));
  ReadOnlyRow(form, "联系地址", or_unset(s.contact_address));
  ReadOnlyRow(form, "邮政编码", or_unset(s.postcode));
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("编辑", ImVec2(std::min(form.field_w(), 160.0f), 36), s.busy)) OpenProfileEditor(s);
  ui::RowGap(12);
}

void OpenProfileEditor(CentreState& s) {
  s.editing = true;
  s.submitted = false;
  s.error.clear();
  s.success.clear();
  s.welcome.clear();
  s.edit_name.reset();
  s.edit_valid_from.set(s.valid_from);
  s.edit_long_term = s.valid_to == "long_term";
  s.edit_valid_to.set(s.edit_long_term ? std::string() : s.valid_to);
  s.edit_work_unit.set(s.work_unit);
  s.edit_contact_address.set(s.contact_address);
  s.edit_postcode.set(s.postcode);
  const std::string* current[] = {&s.ethnicity, &s.education, &s.occupation};
  for (int i = 0; i < 3; ++i) {
    s.option_pick[i] = 0;
    for (size_t k = 0; k < s.options[i].size(); ++k)
      if (s.options[i][k] == *current[i]) s.option_pick[i] = static_cast<int>(k);
  }
}

std::string ProfileBody(const CentreState& s) {
  JsonObject o;
  if (!s.edit_name.empty()) o.add("name", s.edit_name.str());
  if (!s.edit_valid_from.empty() || s.edit_long_term || !s.edit_valid_to.empty()) {
    auto from = parse_date(s.edit_valid_from.str(), true);
    o.add("id_valid_from", from ? format_date(*from) : std::string(s.edit_valid_from.str()));
    if (s.edit_long_term) {
      o.add("id_valid_to", "long_term");
    } else {
      auto to = parse_date(s.edit_valid_to.str(), true);
      o.add("id_valid_to", to ? format_date(*to) : std::string(s.edit_valid_to.str()));
    }
  }
  for (int i = 0; i < 3; ++i) {
    const int p = s.option_pick[i];
    o.add(kPickerFields[i], p > 0 && p < static_cast<int>(s.options[i].size()) ? s.options[i][p] : std::string());
  }
  o.add("work_unit", s.edit_work_unit.str()).add("contact_address", s.edit_contact_address.str())
      .add("postcode", s.edit_postcode.str());
  return o.str();
}

}  // namespace uia::web
