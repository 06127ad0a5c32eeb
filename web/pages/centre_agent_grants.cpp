// 个人中心 / 经办人授权 (seed 003 经办人确认, 查看所有企业授权; seed 002 主动向企业申报授权):
// grants offered to me, accepted or refused within 24 hours of the offer; the enterprises that
// authorized me (and those I represent), each a button that switches this session to act for
// it (the 经办人中心 opens); and a request to an enterprise, by its USCC, to become its agent.
#include <cstdlib>
#include <string>

#include "a11y.h"
#include "json.h"
#include "pages/agent_centre_page.h"
#include "pages/centre_page.h"
#include "pages/enterprise_fields.h"
#include "policy/date.h"

namespace uia::web {
namespace {

void colored(const char* text, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

// A bordered card around `body`, announced as one list item.
template <typename Body>
void card(const ui::Form& form, const std::string& label, const std::string& text, Body body) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  ui::RowGap(6);
  body(form.width - 24);
  ui::RowGap(6);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = label;
  n.text = text;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(8);
}

void offered_card(const ui::Form& form, const CentreState::OfferedGrant& g, CentreState& s, CentreActions& out) {
  const char* state = AgentGrantStateText(g.state);
  const std::string scope = "授权范围：" + ScopeText(s.service_items, g.scope);
  const std::string period = "有效期：" + g.valid_from + " 至 " + g.valid_to;
  const std::string deadline = g.state == "pending" && !g.confirm_by.empty() ? "请在 " + LocalTime(g.confirm_by) + " 前确认" : "";
  card(form, "授权 " + g.enterprise_name + " " + state,
       "授权 " + g.enterprise_name + " " + state + (g.admin ? " 管理员 " : " ") + scope + " " + period + " " + deadline,
       [&](float text_w) {
         ImGui::SetCursorPosX(form.x + 12);
         colored(g.enterprise_name.c_str(), ui::color::kPrimary);
         if (g.admin) {
           ImGui::SameLine(0, 8);
           colored("管理员", ui::color::kSuccess);
         }
         ImGui::SameLine(0, 12);
         colored(state, g.state == "active" ? ui::color::kSuccess : ui::color::kMuted);
         for (const std::string* line : {&scope, &period, &deadline}) {
           if (line->empty()) continue;
           ImGui::SetCursorPosX(form.x + 12);
           ui::Note(*line, text_w, ui::color::kText);
         }
         if (g.state == "pending") {
           ui::RowGap(4);
           ImGui::SetCursorPosX(form.x + 12);
           ImGui::PushID(static_cast<int>(g.id));
           const bool busy = s.busy || s.grant_busy != 0;
           if (ui::PrimaryButton("接受授权", ImVec2(96, 32), busy)) out.accept_grant = g.id;
           ImGui::SameLine(0, 8);
           if (ui::SecondaryButton("拒绝授权", ImVec2(96, 32), busy)) out.refuse_grant = g.id;
           ImGui::PopID();
         }
       });
}

void enterprise_card(const ui::Form& form, int index, const CentreState::MyEnterprise& e, CentreState& s,
                     CentreActions& out) {
  const char* role = ActingRoleText(e.role);
  const char* state = e.in_force ? "可代理" : AgentGrantStateText(e.state);
  const std::string scope = e.role == "legal_rep" ? std::string() : "授权范围：" + ScopeText(s.service_items, e.scope);
  const std::string period = e.role == "legal_rep" ? std::string() : "有效期：" + e.valid_from + " 至 " + e.valid_to;
  card(form, std::string("企业 ") + e.name + " " + role, std::string("企业 ") + e.name + " " + role + " " + state + " " + scope + " " + period,
       [&](float text_w) {
         ImGui::SetCursorPosX(form.x + 12);
         colored(e.name.c_str(), ui::color::kPrimary);
         ImGui::SameLine(0, 8);
         colored(role, ui::color::kText);
         ImGui::SameLine(0, 12);
         colored(state, e.in_force ? ui::color::kSuccess : ui::color::kMuted);
         ImGui::SetCursorPosX(form.x + 12);
         ui::Note("统一社会信用代码 " + e.uscc, text_w, ui::color::kText);
         for (const std::string* line : {&scope, &period}) {
           if (line->empty()) continue;
           ImGui::SetCursorPosX(form.x + 12);
           ui::Note(*line, text_w, ui::color::kText);
         }
         if (e.in_force) {
           ui::RowGap(4);
           ImGui::SetCursorPosX(form.x + 12);
           ImGui::PushID(index + 5000000);
           if (ui::SecondaryButton(("以" + std::string(role) + "身份办事").c_str(), ImVec2(150, 32), s.busy)) out.act_for = index;
           ImGui::PopID();
         }
       });
}

void request_form(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  SectionTitle(form, "申请成为经办人");
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("向企业申报经办人授权，经企业法定代表人或管理员审核通过后，您即成为该企业的经办人。", form.field_w());
  ui::RowGap(8);
  const std::string_view uscc_msg = UsccMessage(s.req_uscc.str());
  const std::string_view to_msg = s.req_valid_to.empty()          ? std::string_view("请输入日期")
                                  : parse_date(s.req_valid_to.str()) ? std::string_view()
                                                                     : std::string_view("日期格式应为YYYY-MM-DD");
  ui::TextFieldSpec spec;
  spec.label = "企业统一社会信用代码";
  spec.hint = "18位统一社会信用代码";
  spec.field = "uscc";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.req_uscc, uscc_msg, s.req_submitted);
  spec = {};
  spec.label = "申请截止日期";
  spec.hint = "YYYY-MM-DD";
  spec.field = "valid_to";
  CheckedRow(form, spec, s.req_valid_to, to_msg, s.req_submitted);
  ui::RowLabel(form, "申请范围", true);
  bool any = false;
  const float col_w = form.field_w() / 2;
  for (size_t i = 0; i < s.service_items.size() && i < AgentsManageState::kMaxItems; ++i) {
    if (i % 2 == 0) {
      if (i) ui::RowGap(4);
      ImGui::SetCursorPosX(form.field_x());
    } else {
      ImGui::SameLine(form.field_x() + col_w);
    }
    ImGui::PushID(static_cast<int>(i) + 7000000);
    ui::Checkbox(("申请" + s.service_items[i].label).c_str(), &s.req_picked[i]);
    ImGui::PopID();
    any = any || s.req_picked[i];
  }
  const std::string_view scope_msg = any ? std::string_view() : std::string_view("请至少选择一项服务事项");
  ui::RowGap(4);
  ui::FieldError(form, s.req_submitted ? scope_msg : std::string_view(), "scope");
  spec = {};
  spec.label = "申请说明";
  spec.hint = "选填，例如所在部门、办理事项";
  spec.field = "note";
  spec.required = false;
  CheckedRow(form, spec, s.req_note, std::string_view(), s.req_submitted);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("提交申请", ImVec2(form.field_w(), 40), s.busy)) {
    s.req_submitted = true;
    s.error.clear();
    s.success.clear();
    ui::Field* first = !uscc_msg.empty() ? &s.req_uscc : !to_msg.empty() ? &s.req_valid_to : nullptr;
    if (first) first->focus_request = true;
    out.request_grant = first == nullptr && scope_msg.empty();
  }
}

}  // namespace

void CentreAgentGrantsTab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.grants_loaded && !s.grants_loading && s.error.empty()) out.load_agent_grants = true;
  if (!s.grants_loaded) {
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取授权信息…", form.width);
    return;
  }
  SectionTitle(form, "企业给我的授权");
  bool any = false;
  for (const auto& g : s.offered) {
    offered_card(form, g, s, out);
    any = true;
  }
  if (!any) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("暂无企业向您发出经办人授权。", form.width);
    ui::RowGap(8);
  }
  SectionTitle(form, "我的授权企业");
  for (size_t i = 0; i < s.my_enterprises.size(); ++i) enterprise_card(form, static_cast<int>(i), s.my_enterprises[i], s, out);
  if (s.my_enterprises.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("您还不是任何企业的经办人。", form.width);
    ui::RowGap(8);
  }
  if (s.req_valid_to.empty() && !s.req_valid_to.dirty) s.req_valid_to.set(format_date(add_years(ctx.today, 1)));
  request_form(ctx, s, out);
}

void CentreAgentGrantsLoad(CentreState& s, const std::function<std::string(const std::string&)>& get) {
  s.service_items.clear();
  for (int i = 0;; ++i) {
    const std::string p = "service_items." + std::to_string(i) + ".";
    std::string code = get(p + "code");
    if (code.empty()) break;
    s.service_items.push_back({code, get(p + "label")});
  }
  s.offered.clear();
  for (int i = 0;; ++i) {
    const std::string p = "grants." + std::to_string(i) + ".";
    const std::string id = get(p + "grant_id");
    if (id.empty()) break;
    CentreState::OfferedGrant g;
    g.id = std::atoll(id.c_str());
    g.enterprise_name = get(p + "enterprise.name");
    g.uscc = get(p + "enterprise.uscc");
    g.state = get(p + "state");
    g.confirm_by = get(p + "confirm_by");
    g.valid_from = get(p + "valid_from");
    g.valid_to = get(p + "valid_to");
    g.scope = ReadList(get, p + "scope");
    g.admin = get(p + "admin") == "true";
    s.offered.push_back(std::move(g));
  }
}

void CentreMyEnterprisesLoad(CentreState& s, const std::function<std::string(const std::string&)>& get) {
  s.my_enterprises.clear();
  for (int i = 0;; ++i) {
    const std::string p = "enterprises." + std::to_string(i) + ".";
    const std::string id = get(p + "enterprise.id");
    if (id.empty()) break;
    CentreState::MyEnterprise e;
    e.enterprise_id = std::atoll(id.c_str());
    e.grant_id = std::atoll(get(p + "grant_id").c_str());
    e.name = get(p + "enterprise.name");
    e.uscc = get(p + "enterprise.uscc");
    e.role = get(p + "role");
    e.state = get(p + "state");
    e.in_force = get(p + "in_force") == "true";
    e.scope = ReadList(get, p + "scope");
    e.valid_from = get(p + "valid_from");
    e.valid_to = get(p + "valid_to");
    s.my_enterprises.push_back(std::move(e));
  }
  s.grants_loaded = true;
}

std::string GrantRequestBody(const CentreState& s) {
  JsonObject o;
  o.add("valid_to", s.req_valid_to.str());
  if (!s.req_note.empty()) o.add("note", s.req_note.str());
  std::vector<std::string> scope;
  for (size_t i = 0; i < s.service_items.size() && i < AgentsManageState::kMaxItems; ++i)
    if (s.req_picked[i]) scope.push_back(s.service_items[i].code);
  return WithScope(o.str(), scope);
}

}  // namespace uia::web
