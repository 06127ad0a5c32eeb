// 经办人中心 (seed 000 经办人中心: "显示经办人身份的基本信息，能查看基础企业信息，可以修改自己账号的
// 登录密码"): the page of a person acting for an enterprise (signed in on 法人登录 as 经办人, or
// switched to the enterprise after a personal sign-in). Tabs: 经办人信息 (masked, with the grant's
// scope and period), 企业信息, 修改密码 (the person's own password: every session ends), and
// 经办人管理 (agents_manage.h) for the legal representative and admin agents only.
// 切换身份 opens the identity choice; 退出登录 in the title row.
// REST: GET /api/v1/enterprises/{id}/agent-centre, PUT /api/v1/me/password.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "pages/agents_manage.h"
#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct AgentCentreState {
  enum Tab { kAgent, kEnterprise, kPassword, kAgents };
  int tab = kAgent;
  long long enterprise_id = 0;
  std::string welcome;

  bool loading = false, loaded = false;
  std::string name, id_type, id_number, phone, role;
  int level = 0;
  std::string ent_name, uscc, org_type, status, legal_rep_name;
  std::vector<std::string> scope;
  std::string valid_from, valid_to, grant_state;
  bool can_manage = false;

  ui::Field old_password, new_password, confirm;
  AgentsManageState agents;

  bool submitted = false, busy = false;
  std::string error, success;
};

struct AgentCentreActions {
  bool load = false;             // GET .../agent-centre
  bool change_password = false;  // PUT /api/v1/me/password
  bool sign_out = false;         // DELETE /api/v1/sessions/current
  bool switch_identity = false;  // the identity choice
  AgentsManageActions agents;
};

void AgentCentrePage(const PageContext& ctx, AgentCentreState& s, AgentCentreActions& out);
void AgentCentreLoad(AgentCentreState& s, const std::function<std::string(const std::string&)>& get);
// "法定代表人" / "管理员" / "经办人" for the acting role.
const char* ActingRoleText(const std::string& role);
// The service items' labels (the profile's service_items, the catalogue the server checks
// grants against) for pages whose answers carry only the codes.
std::string ScopeLabels(const Profile& profile, const std::vector<std::string>& scope);

}  // namespace uia::web
