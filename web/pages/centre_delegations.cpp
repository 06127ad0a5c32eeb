// 个人中心 / 授权关系 (seed 000 四、(6) ②): I authorize another registered person to act for me
// (name + ID number, optionally the phone, what for, until when). I prove it is me with a face
// check first ("用户添加时需要核验本人人脸"); then the other person confirms in 我的消息 within
// 24 hours. Two lists: 我授权的 and 授权给我的; either side can end a relation not over yet.
#include <algorithm>
#include <string>

#include "a11y.h"
#include "json.h"
#include "pages/centre_page.h"
#include "policy/agent_rules.h"
#include "policy/date.h"
#include "policy/person_name.h"

namespace uia::web {

namespace {

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

const char* state_text(const std::string& state) {
  if (state == "awaiting_face") return "待本人人脸验证";
  if (state == "face_failed") return "人脸验证未通过";
  if (state == "pending") return "待对方确认";
  if (state == "active") return "已生效";
  if (state == "refused") return "对方已拒绝";
  if (state == "expired") return "已失效";
  if (state == "ended") return "已解除";
  return "未知状态";
}

bool open_state(const std::string& state) {
  return state == "awaiting_face" || state == "pending" || state == "active";
}

void delegation_card(const ui::Form& form, const RelationsState::Delegation& d, bool busy, RelationsActions& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const bool granted_by_me = d.role == "grantor";
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  const std::string who = (granted_by_me ? "授权给 " : "来自 ") + d.other;
  ImGui::TextUnformatted(who.c_str());
  ImGui::SameLine(0, 12);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(d.state == "active"    ? ui::color::kSuccess
                                                                     : open_state(d.state) ? ui::color::kPrimary
                                                                                           : ui::color::kMuted));
  ImGui::TextUnformatted(state_text(d.state));
  ImGui::PopStyleColor();
  ImGui::SetCursorPosX(form.x + 12);
  std::string detail = d.scope_label + " · 有效期 " + d.valid_from + " 至 " + d.valid_to;
  if (d.state == "pending" && !d.confirm_by.empty()) detail += " · 请于 " + d.confirm_by + " 前确认";
  ui::Note(detail, form.width - 24, ui::color::kText);
  if (open_state(d.state)) {
    ui::RowGap(4);
    ImGui::SetCursorPosX(form.x + 12);
    ImGui::PushID(static_cast<int>(d.id));
    if (!granted_by_me && d.state == "pending") {  // also answerable here, not only in 我的消息
      if (ui::PrimaryButton("接受", ImVec2(64, 30), busy)) out.confirm_delegation = d.id;
      ImGui::SameLine(0, 8);
      if (ui::SecondaryButton("拒绝", ImVec2(64, 30), busy)) out.refuse_delegation = d.id;
      ImGui::SameLine(0, 8);
    }
    if (ui::SecondaryButton("解除授权", ImVec2(96, 30), busy)) out.end_delegation = d.id;
    ImGui::PopID();
  }
  ui::RowGap(6);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = who + "（" + state_text(d.state) + "）";
  n.text = n.label + " " + detail;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(8);
}

void delegation_form(const PageContext& ctx, CentreState& s, RelationsActions& out) {
  const ui::Form& form = ctx.form;
  RelationsState& r = s.relations;
  std::string_view name_msg = msg(check_person_name(r.del_name.str()));
  std::string_view id_msg = r.del_id_number.empty() ? message_zh(ErrorCode::IdNumberEmpty) : std::string_view();
  const auto to = parse_date(r.del_valid_to.str());
  std::string_view to_msg = r.del_valid_to.empty() ? std::string_view("请输入授权截止日期")
                            : !to || *to < ctx.today ? message_zh(ErrorCode::DelegationPeriodInvalid)
                                                     : std::string_view();
  ImGui::SetCursorPosX(form.x);
  ui::Heading("新增授权", 2);
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("被授权人须是本平台已注册的用户。提交后需您本人完成人脸验证，再由对方在“我的消息”中" +
               confirm_within_text(ctx.profile->delegation_accept_hours) + "。",
           form.field_w());
  ui::RowGap(8);
  ui::TextFieldSpec spec;
  spec.label = "被授权人姓名";
  spec.hint = "请输入对方的真实姓名";
  spec.field = "name";
  row(form, spec, r.del_name, ShownError(r.del_name, name_msg, s.submitted));
  spec = {};
  spec.label = "被授权人证件号码";
  spec.hint = "请输入对方的完整证件号码";
  spec.field = "id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  row(form, spec, r.del_id_number, ShownError(r.del_id_number, id_msg, s.submitted));
  spec = {};
  spec.label = "被授权人手机号码";
  spec.hint = "选填，填写后将一并核对";
  spec.field = "phone";
  spec.required = false;
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  row(form, spec, r.del_phone, ShownError(r.del_phone, {}, s.submitted));
  ui::RowLabel(form, "授权事项", true);
  ImGui::SetCursorPosX(form.field_x());
  ui::Combo("授权事项", &r.scope_pick, ui::CatalogueLabels(ctx.profile->delegation_scopes), form.field_w());
  ui::RowGap(12);
  spec = {};
  spec.label = "授权截止日期";
  const std::string to_hint = "例如 2027-11-25（最长" + years_text(kDelegationMaxYears) + "）";
  spec.hint = to_hint.c_str();
  spec.field = "valid_to";
  row(form, spec, r.del_valid_to, ShownError(r.del_valid_to, to_msg, s.submitted));
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  const float half = (form.field_w() - 12) / 2;
  if (ui::PrimaryButton("提交授权", ImVec2(half, 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    struct { std::string_view m; ui::Field* f; } checks[] = {
        {name_msg, &r.del_name}, {id_msg, &r.del_id_number}, {to_msg, &r.del_valid_to}};
    bool ok = true;
    for (auto& c : checks)
      if (!c.m.empty()) {
        c.f->focus_request = true;
        ok = false;
        break;
      }
    out.create_delegation = ok;
  }
  ImGui::SameLine(0, 12);
  if (ui::SecondaryButton("取消", ImVec2(half, 40), s.busy)) {
    r.delegation_form = false;
    s.submitted = false;
    s.error.clear();
  }
}

void list(const ui::Form& form, const char* title, const std::vector<RelationsState::Delegation>& items,
          const char* empty, const RelationsState& r, bool busy, RelationsActions& out) {
  ImGui::SetCursorPosX(form.x);
  ui::Heading(title, 3);
  ui::RowGap(6);
  if (items.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::Note(empty, form.width, ui::color::kText);
    ui::RowGap(10);
  }
  for (const auto& d : items) delegation_card(form, d, busy || r.delegation_busy == d.id, out);
  ui::RowGap(6);
}

}  // namespace

void CentreDelegationsTab(const PageContext& ctx, CentreState& s, RelationsActions& out) {
  const ui::Form& form = ctx.form;
  RelationsState& r = s.relations;
  if (r.delegation_form) {
    delegation_form(ctx, s, out);
    return;
  }
  if (!r.delegations_loaded && !r.delegations_loading && s.error.empty()) out.load_delegations = true;
  ImGui::SetCursorPosX(form.x);
  ui::Note("您可以授权其他已注册用户代您办理事项；对方确认后授权生效，双方均可随时解除。", form.width);
  ui::RowGap(10);
  FaceWaitBox(form, r.delegation_face, "本人人脸验证");
  if (!r.delegations_loaded) {
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取授权关系…", form.width);
    ui::RowGap(8);
    return;
  }
  list(form, "我授权的", r.given, "您还没有授权他人。", r, s.busy, out);
  list(form, "授权给我的", r.received, "暂无他人授权给您。", r, s.busy, out);
  ImGui::SetCursorPosX(form.x);
  if (ui::PrimaryButton("新增授权", ImVec2(std::min(form.width, 200.0f), 40), s.busy)) {
    r.delegation_form = true;
    s.submitted = false;
    s.error.clear();
    s.success.clear();
    r.del_name.reset();
    r.del_id_number.reset();
    r.del_phone.reset();
    r.del_valid_to.reset();
    r.scope_pick = 0;
  }
}

std::string DelegationBody(const Profile& profile, const RelationsState& r) {
  JsonObject o;
  o.add("name", r.del_name.str())
      .add("id_number", r.del_id_number.str())
      .add("scope", ui::CatalogueCode(profile.delegation_scopes, r.scope_pick))
      .add("valid_to", r.del_valid_to.str());
  if (!r.del_phone.empty()) o.add("phone", r.del_phone.str());
  return o.str();
}

bool RelationsSetServerError(RelationsState& r, bool relatives_tab, const std::string& field, const std::string& message) {
  ui::Field* f = nullptr;
  if (relatives_tab) {
    if (field == "name") f = &r.rel_name;
    else if (field == "id_number") f = &r.rel_id_number;
    else if (field == "birth_date") f = &r.rel_birth;
    else if (field == "id_valid_from") f = &r.rel_valid_from;
    else if (field == "id_valid_to") f = &r.rel_valid_to;
    if (f && !r.relative_form) f = nullptr;
  } else {
    if (field == "name") f = &r.del_name;
    else if (field == "id_number") f = &r.del_id_number;
    else if (field == "phone") f = &r.del_phone;
    else if (field == "valid_to" || field == "valid_from") f = &r.del_valid_to;
    if (f && !r.delegation_form) f = nullptr;
  }
  if (!f) return false;
  f->server_error = message;
  f->focus_request = true;
  return true;
}

}  // namespace uia::web
