#include "pages/agent_centre_page.h"

#include <cstdlib>

#include "api/error_code.h"
#include "pages/centre_page.h"
#include "pages/enterprise_fields.h"
#include "pages/password_meter.h"
#include "policy/account.h"
#include "policy/enterprise_roles.h"

namespace uia::web {
namespace {

using S = AgentCentreState;

const char* const kTabsAll[] = {"经办人信息", "企业信息", "修改密码", "经办人管理"};

void agent_tab(const PageContext& ctx, S& s) {
  const ui::Form& form = ctx.form;
  SectionTitle(form, "经办人身份");
  ReadOnlyRow(form, "姓名", s.name);
  ReadOnlyRow(form, "证件号码", s.id_number);
  ReadOnlyRow(form, "手机号码", s.phone);
  ReadOnlyRow(form, "实名等级", level_name(*ctx.profile, s.level));
  ReadOnlyRow(form, "代理身份", ActingRoleText(s.role));
  if (s.role != "legal_rep") {
    SectionTitle(form, "授权信息");
    ReadOnlyRow(form, "授权范围", ScopeLabels(*ctx.profile, s.scope));
    ReadOnlyRow(form, "授权有效期", s.valid_from.empty() ? std::string() : s.valid_from + " 至 " + s.valid_to);
  }
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("为保护隐私，姓名、证件号码和手机号码只显示部分内容。", form.field_w());
}

void enterprise_tab(const PageContext& ctx, S& s) {
  const ui::Form& form = ctx.form;
  ReadOnlyRow(form, "法人名称", s.ent_name);
  ReadOnlyRow(form, "统一社会信用代码", s.uscc);
  ReadOnlyRow(form, "法人类型", OrgTypeLabel(*ctx.profile, s.org_type));
  ReadOnlyRow(form, kLegalRepLabel.data(), s.legal_rep_name);
  ReadOnlyRow(form, "实名状态", EnterpriseStatusText(s.status));
}

void password_tab(const PageContext& ctx, S& s, AgentCentreActions& out) {
  const ui::Form& form = ctx.form;
  const std::string_view old_msg = s.old_password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view new_msg;
  const Verdict v = check_password(s.new_password.str(), "", ctx.profile->password);
  if (!v.ok()) new_msg = v.message_zh();
  if (new_msg.empty() && s.new_password.str() == s.old_password.str()) new_msg = message_zh(ErrorCode::PasswordUnchanged);
  const std::string_view confirm_msg = s.confirm.empty()                          ? message_zh(ErrorCode::PasswordEmpty)
                                       : s.confirm.str() != s.new_password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                                  : std::string_view();
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("这里修改的是您本人（自然人）账号的登录密码，经办人登录和个人登录都使用该密码。", form.field_w());
  ui::RowGap(8);
  ui::TextFieldSpec spec;
  spec.label = "原密码";
  spec.hint = "请输入当前的登录密码";
  spec.field = "old_password";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.old_password, old_msg, s.submitted);
  spec = {};
  spec.label = "新密码";
  spec.hint = "请设置新密码";
  spec.field = "new_password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.new_password, ShownError(s.new_password, new_msg, s.submitted));
  PasswordStrengthRow(form, s.new_password.str(), ctx.profile->password);
  spec = {};
  spec.label = "确认新密码";
  spec.hint = "请再次输入新密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.confirm, confirm_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("修改成功后，您在所有设备上的登录都将退出，请使用新密码重新登录。", form.field_w());
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("保存", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    ui::Field* first = !old_msg.empty() ? &s.old_password : !new_msg.empty() ? &s.new_password
                       : !confirm_msg.empty()             ? &s.confirm
                                                          : nullptr;
    if (first) first->focus_request = true;
    out.change_password = first == nullptr;
  }
}

}  // namespace

void AgentCentrePage(const PageContext& ctx, AgentCentreState& s, AgentCentreActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "经办人中心", "退出登录") && !s.busy) out.sign_out = true;
  if (!s.welcome.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.welcome, ui::Tone::Success, form.width);
    ui::RowGap(8);
  }
  if (s.loaded) {
    ImGui::SetCursorPosX(form.x);
    const std::string acting = "当前身份：" + s.ent_name + "（" + ActingRoleText(s.role) + "）";
    ui::Note(acting, form.width - 96, ui::color::kText);
    ImGui::SameLine(form.x + form.width - 80);
    if (ui::LinkButton("切换身份") && !s.busy) out.switch_identity = true;
    ui::RowGap(4);
  }
  int tab = s.tab;
  const int count = s.can_manage ? 4 : 3;
  if (s.tab >= count) s.tab = S::kAgent;
  if (TabRow(form, kTabsAll, count, &tab)) {
    s.tab = tab;
    s.welcome.clear();
    s.submitted = false;
    s.error.clear();
    s.success.clear();
    if (tab == S::kAgents) s.agents.loaded = s.agents.requests_loaded = false;
  }
  ui::RowGap(16);
  if (!s.loaded) {
    if (!s.loading && s.error.empty()) out.load = true;
    ImGui::SetCursorPosX(form.field_x());
    if (s.error.empty()) ui::Note("正在读取经办人信息…", form.field_w());
  } else {
    switch (s.tab) {
      case S::kAgent: agent_tab(ctx, s); break;
      case S::kEnterprise: enterprise_tab(ctx, s); break;
      case S::kPassword: password_tab(ctx, s, out); break;
      default:
        s.agents.enterprise_id = s.enterprise_id;
        AgentsManageTab(ctx, s.agents, out.agents);
        break;
    }
  }
  ui::RowGap(10);
  if (!s.error.empty() || !s.success.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.error.empty() ? s.success : s.error, s.error.empty() ? ui::Tone::Success : ui::Tone::Error,
                   form.field_w());
  }
}

void AgentCentreLoad(AgentCentreState& s, const std::function<std::string(const std::string&)>& get) {
  s.name = get("agent.name");
  s.id_type = get("agent.id_type");
  s.id_number = get("agent.id_number");
  s.phone = get("agent.phone");
  s.level = std::atoi(get("agent.level").c_str());
  s.role = get("agent.role");
  s.ent_name = get("enterprise.name");
  s.uscc = get("enterprise.uscc");
  s.org_type = get("enterprise.org_type");
  s.status = get("enterprise.status");
  s.legal_rep_name = get("enterprise.legal_rep_name");
  s.scope = ReadList(get, "grant.scope");
  s.valid_from = get("grant.valid_from");
  s.valid_to = get("grant.valid_to");
  s.grant_state = get("grant.state");
  s.can_manage = get("can_manage_agents") == "true";
  s.loaded = true;
}

const char* ActingRoleText(const std::string& role) {
  if (role == "legal_rep") return kLegalRepLabel.data();
  if (role == "admin") return "管理员";
  if (role == "agent") return kAgentLabel.data();
  return "本人";
}

std::string ScopeLabels(const Profile& profile, const std::vector<std::string>& scope) {
  std::vector<AgentsManageState::Item> items;
  for (const auto& item : profile.service_items) items.push_back({item.code, item.label});
  return ScopeText(items, scope);
}

}  // namespace uia::web
