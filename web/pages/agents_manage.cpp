#include "pages/agents_manage.h"

#include <cstdlib>

#include "a11y.h"
#include "api/error_code.h"
#include "json.h"
#include "pages/enterprise_fields.h"
#include "policy/contact.h"
#include "policy/agent_rules.h"
#include "policy/date.h"
#include "policy/enterprise_roles.h"
#include "policy/person_name.h"

namespace uia::web {
namespace {

using S = AgentsManageState;

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

std::string_view date_message(const ui::Field& f, bool required) {
  if (f.empty()) return required ? std::string_view("请输入日期") : std::string_view();
  return parse_date(f.str()) ? std::string_view() : std::string_view("日期格式应为YYYY-MM-DD");
}

bool over(const std::string& state) {
  return state == "refused" || state == "revoked" || state == "expired" || state == "face_failed";
}

void colored(const char* text, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

// One card: who, what, how long, where it stands, and the viewer's buttons.
void grant_card(const ui::Form& form, const S::Grant& g, S& s, AgentsManageActions& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float text_w = form.width - 24;
  const char* state = AgentGrantStateText(g.state);
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  colored(g.name.c_str(), ui::color::kPrimary);
  if (g.admin) {
    ImGui::SameLine(0, 8);
    colored("管理员", ui::color::kSuccess);
  }
  ImGui::SameLine(0, 12);
  colored(state, g.state == "active" ? ui::color::kSuccess : over(g.state) ? ui::color::kError : ui::color::kMuted);
  const std::string who = "证件号码 " + g.id_number + "  手机 " + g.phone;
  const std::string scope = "授权范围：" + ScopeText(s.items, g.scope);
  const std::string period = "有效期：" + g.valid_from + " 至 " + g.valid_to;
  for (const std::string* line : {&who, &scope, &period}) {
    ImGui::SetCursorPosX(form.x + 12);
    ui::Note(*line, text_w, ui::color::kText);
  }
  const bool busy = s.busy || s.row_busy != 0;
  if (g.manageable && !over(g.state)) {
    ui::RowGap(4);
    ImGui::SetCursorPosX(form.x + 12);
    ImGui::PushID(static_cast<int>(g.id));
    bool first = true;
    auto next = [&first] {
      if (!first) ImGui::SameLine(0, 8);
      first = false;
    };
    if (g.state == "active" || g.state == "disabled" || g.state == "pending") {
      next();
      if (ui::SecondaryButton("编辑", ImVec2(64, 30), busy)) {
        s.mode = S::kEdit;
        s.edit_id = g.id;
        s.submitted = false;
        s.error.clear();
        s.success.clear();
        s.valid_from.set(g.valid_from);
        s.valid_to.set(g.valid_to);
        s.admin = g.admin;
        for (size_t i = 0; i < s.items.size() && i < S::kMaxItems; ++i) {
          s.picked[i] = false;
          for (const auto& c : g.scope)
            if (c == s.items[i].code) s.picked[i] = true;
        }
      }
    }
    if (g.state == "active") {
      next();
      if (ui::SecondaryButton("停用", ImVec2(64, 30), busy)) out.disable = g.id;
    } else if (g.state == "disabled") {
      next();
      if (ui::SecondaryButton("启用", ImVec2(64, 30), busy)) out.enable = g.id;
    }
    next();
    if (ui::SecondaryButton("撤销授权", ImVec2(88, 30), busy)) out.revoke = g.id;
    ImGui::PopID();
  }
  ui::RowGap(6);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = std::string("经办人 ") + g.name + " " + state;
  n.text = n.label + (g.admin ? " 管理员 " : " ") + who + " " + scope + " " + period;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(8);
}

void request_card(const ui::Form& form, const S::Request& r, S& s, AgentsManageActions& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float text_w = form.width - 24;
  const char* state = r.state == "pending" ? "待审核" : r.state == "approved" ? "已同意" : r.state == "rejected" ? "已拒绝" : r.state.c_str();
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  colored(r.name.c_str(), ui::color::kPrimary);
  ImGui::SameLine(0, 12);
  colored(state, ui::color::kMuted);
  const std::string who = "证件号码 " + r.id_number + "  手机 " + r.phone;
  const std::string scope = "申请范围：" + ScopeText(s.items, r.scope);
  const std::string period = "申请期限：" + r.valid_from + " 至 " + r.valid_to + (r.note.empty() ? "" : "  说明：" + r.note);
  for (const std::string* line : {&who, &scope, &period}) {
    ImGui::SetCursorPosX(form.x + 12);
    ui::Note(*line, text_w, ui::color::kText);
  }
  if (r.state == "pending") {
    ui::RowGap(4);
    ImGui::SetCursorPosX(form.x + 12);
    ImGui::PushID(static_cast<int>(r.id) + 1000000);
    const bool busy = s.busy || s.row_busy != 0;
    if (ui::SecondaryButton("同意申请", ImVec2(88, 30), busy)) out.approve = r.id;
    ImGui::SameLine(0, 8);
    if (ui::SecondaryButton("拒绝申请", ImVec2(88, 30), busy)) out.reject = r.id;
    ImGui::PopID();
  }
  ui::RowGap(6);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = std::string("授权申请 ") + r.name + " " + state;
  n.text = n.label + " " + who + " " + scope + " " + period;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(8);
}

void grant_form(const PageContext& ctx, S& s, AgentsManageActions& out) {
  const ui::Form& form = ctx.form;
  const bool adding = s.mode == S::kAdd;
  ImGui::SetCursorPosX(form.x);
  ui::Heading(adding ? "新增经办人" : "编辑经办人授权", 2);
  ui::RowGap(6);
  std::string_view name_msg, id_msg, phone_msg;
  if (adding) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("经办人须已注册为自然人用户：请填写与其实名信息完全一致的姓名、身份证号码和手机号码。", form.field_w());
    ui::RowGap(8);
    name_msg = msg(check_person_name(s.name.str()));
    id_msg = RepIdNumberMessage(0, s.id_number.str(), ctx.today);
    phone_msg = msg(check_phone(s.phone.str()));
    ui::TextFieldSpec spec;
    spec.label = "经办人姓名";
    spec.hint = "请输入经办人姓名";
    spec.field = "name";
    CheckedRow(form, spec, s.name, name_msg, s.submitted);
    spec = {};
    spec.label = "经办人身份证号码";
    spec.hint = "请输入18位居民身份证号码";
    spec.field = "id_number";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
    CheckedRow(form, spec, s.id_number, id_msg, s.submitted);
    spec = {};
    spec.label = "经办人手机号码";
    spec.hint = "请输入经办人的手机号码";
    spec.field = "phone";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
    spec.keyboard = ui::Keyboard::Digits;
    CheckedRow(form, spec, s.phone, phone_msg, s.submitted);
  } else {
    for (const auto& g : s.grants)
      if (g.id == s.edit_id) ReadOnlyRow(form, kAgentLabel.data(), g.name + "  " + g.phone);
  }
  const std::string_view from_msg = date_message(s.valid_from, false);
  const std::string_view to_msg = date_message(s.valid_to, true);
  ui::TextFieldSpec spec;
  spec.label = "授权开始日期";
  spec.hint = "YYYY-MM-DD，不填为今天";
  spec.field = "valid_from";
  spec.required = false;
  CheckedRow(form, spec, s.valid_from, from_msg, s.submitted);
  spec = {};
  spec.label = "授权截止日期";
  const std::string to_hint = "YYYY-MM-DD，最长" + years_text(kAgentGrantMaxYears);
  spec.hint = to_hint.c_str();
  spec.field = "valid_to";
  CheckedRow(form, spec, s.valid_to, to_msg, s.submitted);

  ui::RowLabel(form, "授权范围", true);
  bool any = false;
  const float col_w = form.field_w() / 2;  // two checkboxes a row, also at 375 px
  for (size_t i = 0; i < s.items.size() && i < S::kMaxItems; ++i) {
    if (i % 2 == 0) {
      if (i) ui::RowGap(4);
      ImGui::SetCursorPosX(form.field_x());
    } else {
      ImGui::SameLine(form.field_x() + col_w);
    }
    ui::Checkbox(s.items[i].label.c_str(), &s.picked[i]);
    any = any || s.picked[i];
  }
  const std::string_view scope_msg = any ? std::string_view() : std::string_view("请至少选择一项服务事项");
  ui::RowGap(4);
  ui::FieldError(form, s.submitted ? scope_msg : std::string_view(), "scope");
  if (s.representative()) {
    ui::RowGap(4);
    ImGui::SetCursorPosX(form.field_x());
    ui::Checkbox("设为管理员（可管理经办人）", &s.admin);
    ui::RowGap(8);
  }
  if (adding && s.representative()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("提交后需法定代表人完成人脸识别认证；认证通过后，经办人须在" + hours_text(ctx.profile->agent_accept_hours) +
                 "内确认接受授权。",
             form.field_w());
    ui::RowGap(8);
  }
  ImGui::SetCursorPosX(form.field_x());
  const float half = (form.field_w() - 12) / 2;
  if (ui::PrimaryButton(adding ? "提交授权" : "保存修改", ImVec2(half, 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    struct {
      std::string_view m;
      ui::Field* f;
    } checks[] = {{name_msg, &s.name}, {id_msg, &s.id_number}, {phone_msg, &s.phone}, {from_msg, &s.valid_from},
                  {to_msg, &s.valid_to}};
    bool ok = scope_msg.empty();
    for (auto& c : checks)
      if (!c.m.empty()) {
        c.f->focus_request = true;
        ok = false;
        break;
      }
    out.save = ok;
  }
  ImGui::SameLine(0, 12);
  if (ui::SecondaryButton("取消", ImVec2(half, 40), s.busy)) {
    s.mode = S::kList;
    s.submitted = false;
    s.error.clear();
  }
}

}  // namespace

namespace {

void grant_list(const PageContext& ctx, AgentsManageState& s, AgentsManageActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.loaded && !s.loading && s.error.empty()) out.load = true;
  ImGui::SetCursorPosX(form.x);
  ui::Note("经办人可代表本企业办理授权范围内的服务事项。法定代表人和管理员可以新增、停用、撤销经办人，并审核个人提交的授权申请。",
           form.width);
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.x);
  const float half = (form.width - 12) / 2;
  if (ui::PrimaryButton("新增经办人", ImVec2(half, 40), s.busy || !s.loaded)) {
    s.mode = S::kAdd;
    s.edit_id = 0;
    s.submitted = false;
    s.error.clear();
    s.success.clear();
    s.face_ticket.clear();
    s.name.reset();
    s.id_number.reset();
    s.phone.reset();
    s.valid_from.reset();
    s.valid_to.set(format_date(add_years(ctx.today, 1)));
    s.admin = false;
    for (bool& p : s.picked) p = false;
  }
  ImGui::SameLine(0, 12);
  if (ui::SecondaryButton("刷新", ImVec2(half, 40), s.busy || s.loading)) {
    s.loaded = false;
    s.requests_loaded = false;
    s.error.clear();
    s.success.clear();
  }
  ui::RowGap(10);
  if (!s.error.empty() || !s.success.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.error.empty() ? s.success : s.error, s.error.empty() ? ui::Tone::Success : ui::Tone::Error,
                   form.width);
    ui::RowGap(8);
  }
  if (!s.face_ticket.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox("授权已提交，请法定代表人完成人脸识别认证。认证通过后，系统将通知经办人" +
                       confirm_within_text(ctx.profile->agent_accept_hours) + "。",
                   ui::Tone::Info, form.width);
    ui::RowGap(6);
    ReadOnlyRow(form, "核验编号", s.face_ticket);
    if (!s.face_url.empty()) ReadOnlyRow(form, "核验链接", s.face_url);
  }
  if (!s.loaded) {
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取经办人…", form.width);
    return;
  }
  SectionTitle(form, "我的经办人");
  if (s.grants.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("还没有经办人。", form.width);
    ui::RowGap(8);
  }
  for (const auto& g : s.grants) grant_card(form, g, s, out);
  SectionTitle(form, "授权申请");
  if (!s.requests_loaded && !s.requests_loading && s.error.empty()) out.load_requests = true;
  bool any = false;
  for (const auto& r : s.requests) {
    request_card(form, r, s, out);
    any = true;
  }
  if (!any && s.requests_loaded) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("没有待处理的授权申请。", form.width);
    ui::RowGap(8);
  }
}

}  // namespace

void AgentsManageTab(const PageContext& ctx, AgentsManageState& s, AgentsManageActions& out) {
  const ui::Form& form = ctx.form;
  if (s.mode == S::kList) {
    grant_list(ctx, s, out);
    return;
  }
  grant_form(ctx, s, out);
  ui::RowGap(10);
  if (!s.error.empty() || !s.success.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.error.empty() ? s.success : s.error, s.error.empty() ? ui::Tone::Success : ui::Tone::Error,
                   form.width);
  }
}

std::vector<std::string> ReadList(const std::function<std::string(const std::string&)>& get, const std::string& prefix) {
  std::vector<std::string> out;
  for (int i = 0;; ++i) {
    std::string v = get(prefix + "." + std::to_string(i));
    if (v.empty()) break;
    out.push_back(std::move(v));
  }
  return out;
}

void AgentsManageLoad(AgentsManageState& s, const std::function<std::string(const std::string&)>& get) {
  s.viewer_role = get("viewer.role");
  s.items.clear();
  for (int i = 0;; ++i) {
    const std::string p = "service_items." + std::to_string(i) + ".";
    std::string code = get(p + "code");
    if (code.empty()) break;
    s.items.push_back({code, get(p + "label")});
  }
  s.grants.clear();
  for (int i = 0;; ++i) {
    const std::string p = "agents." + std::to_string(i) + ".";
    const std::string id = get(p + "grant_id");
    if (id.empty()) break;
    S::Grant g;
    g.id = std::atoll(id.c_str());
    g.name = get(p + "agent.name");
    g.id_number = get(p + "agent.id_number");
    g.phone = get(p + "agent.phone");
    g.scope = ReadList(get, p + "scope");
    g.valid_from = get(p + "valid_from");
    g.valid_to = get(p + "valid_to");
    g.state = get(p + "state");
    g.level = std::atoi(get(p + "level").c_str());
    g.admin = get(p + "admin") == "true";
    g.manageable = get(p + "manageable") == "true";
    s.grants.push_back(std::move(g));
  }
  // The face check's note stays only while a grant still waits for it.
  bool waiting = false;
  for (const auto& g : s.grants) waiting = waiting || g.state == "awaiting_face";
  if (!waiting) s.face_ticket.clear(), s.face_url.clear();
  s.loaded = true;
}

void AgentRequestsLoad(AgentsManageState& s, const std::function<std::string(const std::string&)>& get) {
  s.requests.clear();
  for (int i = 0;; ++i) {
    const std::string p = "requests." + std::to_string(i) + ".";
    const std::string id = get(p + "request_id");
    if (id.empty()) break;
    S::Request r;
    r.id = std::atoll(id.c_str());
    r.name = get(p + "person.name");
    r.id_number = get(p + "person.id_number");
    r.phone = get(p + "person.phone");
    r.scope = ReadList(get, p + "scope");
    r.valid_from = get(p + "valid_from");
    r.valid_to = get(p + "valid_to");
    r.note = get(p + "note");
    r.state = get(p + "state");
    s.requests.push_back(std::move(r));
  }
  s.requests_loaded = true;
}

std::string WithScope(std::string object_json, const std::vector<std::string>& scope) {
  if (!object_json.empty() && object_json.back() == '}') object_json.pop_back();
  std::string list = "[";
  for (size_t i = 0; i < scope.size(); ++i) {
    if (i) list += ",";
    append_json_string(list, scope[i]);
  }
  list += "]";
  object_json += (object_json.size() > 1 ? ",\"scope\":" : "\"scope\":") + list + "}";
  return object_json;
}

std::string AgentGrantBody(const AgentsManageState& s) {
  JsonObject o;
  if (s.mode == S::kAdd) {
    o.add("name", s.name.str())
        .add("id_number", RepIdNumberForRequest(0, s.id_number.str()))
        .add("phone", s.phone.str());
  }
  if (!s.valid_from.empty()) o.add("valid_from", s.valid_from.str());
  o.add("valid_to", s.valid_to.str());
  if (s.representative()) o.add("admin", s.admin);
  std::vector<std::string> scope;
  for (size_t i = 0; i < s.items.size() && i < S::kMaxItems; ++i)
    if (s.picked[i]) scope.push_back(s.items[i].code);
  return WithScope(o.str(), scope);
}

bool AgentsManageSetServerError(AgentsManageState& s, const std::string& field, const std::string& message) {
  if (s.mode == S::kList) return false;
  ui::Field* f = nullptr;
  if (field == "name" && s.mode == S::kAdd) f = &s.name;
  else if (field == "id_number" && s.mode == S::kAdd) f = &s.id_number;
  else if (field == "phone" && s.mode == S::kAdd) f = &s.phone;
  else if (field == "valid_from") f = &s.valid_from;
  else if (field == "valid_to") f = &s.valid_to;
  if (!f) return false;
  f->server_error = message;
  f->focus_request = true;
  return true;
}

const char* AgentGrantStateText(const std::string& state) {
  if (state == "awaiting_face") return "待法定代表人人脸核验";
  if (state == "face_failed") return "人脸核验未通过";
  if (state == "pending") return "待经办人确认";
  if (state == "active") return "已生效";
  if (state == "refused") return "经办人已拒绝";
  if (state == "disabled") return "已停用";
  if (state == "revoked") return "已撤销";
  if (state == "expired") return "已过期";
  return "未知状态";
}

std::string ScopeText(const std::vector<AgentsManageState::Item>& items, const std::vector<std::string>& scope) {
  std::string out;
  for (const auto& code : scope) {
    std::string label = code;
    for (const auto& it : items)
      if (it.code == code) label = it.label;
    if (!out.empty()) out += "、";
    out += label;
  }
  return out.empty() ? "—" : out;
}

}  // namespace uia::web
