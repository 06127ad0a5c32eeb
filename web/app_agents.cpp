// Enterprise agents (经办人), the REST side: 经办人管理 (a tab of the 法人中心 and of the 经办人中心),
// 经办人登录's outcome and the 经办人中心, the identity choice after a person's sign-in, and the
// 个人中心's 经办人授权 tab. Routes: API-CONTRACT.md and flows/agents/*.h on the server.
#include <cstdlib>

#include "app.h"
#include "images.h"
#include "json.h"
#include "policy/agent_rules.h"
#include "platform.h"

namespace uia::web {
namespace {

std::string base_of(long long enterprise_id) { return "/api/v1/enterprises/" + std::to_string(enterprise_id); }

}  // namespace

// ---- 经办人管理

void App::agents_failed(AgentsManageState& s, const net::Response& r, const char* service) {
  if (r.status == 401 || r.get("error.code") == "CSRF_INVALID") {
    if (page_ == Page::EnterpriseCentre)
      enterprise_failed(r, service);
    else
      agent_centre_failed(r, service);
    return;
  }
  const std::string message = net::failure_message(r, service);
  const std::string field = r.get("error.field");
  if (field.empty() || !AgentsManageSetServerError(s, field, message)) s.error = message;
}

void App::agents_reload(AgentsManageState& s) {
  s.loading = true;
  AgentsManageState* target = &s;
  net::send("GET", base_of(s.enterprise_id) + "/agents", "", [this, target](const net::Response& r) {
    AgentsManageState& s = *target;
    s.loading = false;
    if (!r.ok()) {
      agents_failed(s, r, "经办人管理");
      return;
    }
    AgentsManageLoad(s, [&r](const std::string& key) { return r.get(key); });
  });
}

void App::agents_manage(AgentsManageState& s, const AgentsManageActions& a) {
  AgentsManageState* target = &s;
  const std::string base = base_of(s.enterprise_id);
  if (a.load) agents_reload(s);
  if (a.load_requests) {
    s.requests_loading = true;
    net::send("GET", base + "/grant-requests", "", [this, target](const net::Response& r) {
      AgentsManageState& s = *target;
      s.requests_loading = false;
      if (!r.ok()) {
        // An admin agent may see none; the list of grants still works.
        s.requests_loaded = true;
        if (r.status == 401) agents_failed(s, r, "授权申请");
        return;
      }
      AgentRequestsLoad(s, [&r](const std::string& key) { return r.get(key); });
    });
  }
  if (a.save) {
    s.busy = true;
    const bool adding = s.mode == AgentsManageState::kAdd;
    const std::string url = adding ? base + "/agents" : base + "/agents/" + std::to_string(s.edit_id);
    net::send(adding ? "POST" : "PATCH", url, AgentGrantBody(s), [this, target, adding](const net::Response& r) {
      AgentsManageState& s = *target;
      s.busy = false;
      if (!r.ok()) {
        agents_failed(s, r, adding ? "新增经办人" : "编辑经办人授权");
        return;
      }
      s.mode = AgentsManageState::kList;
      s.submitted = false;
      s.face_ticket = r.get("face_ticket");
      s.face_url = r.get("face_url");
      s.success = !adding                       ? "经办人授权已修改"
                  : r.get("state") == "pending" ? "授权已发出，请经办人在" + hours_text(profile_.agent_accept_hours) +
                                                      "内登录个人中心确认"
                                                : std::string();
      s.loaded = false;
      s.requests_loaded = false;
    });
  }
  auto change = [&](long long id, const char* method, const std::string& body, const char* done, const char* service) {
    s.row_busy = id;
    s.error.clear();
    s.success.clear();
    const std::string message = done, what = service;
    net::send(method, base + "/agents/" + std::to_string(id), body, [this, target, message, what](const net::Response& r) {
      AgentsManageState& s = *target;
      s.row_busy = 0;
      if (!r.ok()) {
        agents_failed(s, r, what.c_str());
        return;
      }
      s.success = message;
      s.loaded = false;
    });
  };
  if (a.enable) change(a.enable, "PATCH", "{\"enabled\":true}", "经办人已启用", "启用经办人");
  if (a.disable) change(a.disable, "PATCH", "{\"enabled\":false}", "经办人已停用", "停用经办人");
  if (a.revoke) change(a.revoke, "DELETE", "", "经办人授权已撤销", "撤销授权");
  auto decide = [&](long long id, const char* verb, const char* done, const char* service) {
    s.row_busy = id;
    s.error.clear();
    s.success.clear();
    s.face_ticket.clear();
    const std::string message = done, what = service;
    net::send("POST", base + "/grant-requests/" + std::to_string(id) + "/" + verb, "{}",
              [this, target, message, what](const net::Response& r) {
                AgentsManageState& s = *target;
                s.row_busy = 0;
                if (!r.ok()) {
                  agents_failed(s, r, what.c_str());
                  return;
                }
                s.face_ticket = r.get("face_ticket");
                s.face_url = r.get("face_url");
                s.success = message;
                s.loaded = false;
                s.requests_loaded = false;
              });
  };
  if (a.approve) decide(a.approve, "approve", "已同意授权申请", "审核授权申请");
  if (a.reject) decide(a.reject, "reject", "已拒绝授权申请", "审核授权申请");
}

// ---- 经办人登录 and the 经办人中心

void App::agent_signed_in(const net::Response& r) {
  const std::string name = r.get("subject.enterprise_name");
  open_agent_centre(std::atoll(r.get("subject.enterprise_id").c_str()),
                    name.empty() ? "登录成功" : "登录成功，您正在以经办人身份代理" + name);
}

void App::open_agent_centre(long long enterprise_id, const std::string& welcome) {
  agent_centre_ = AgentCentreState{};
  agent_centre_.enterprise_id = enterprise_id;
  agent_centre_.agents.enterprise_id = enterprise_id;
  agent_centre_.welcome = welcome;
  go(Page::AgentCentre);
}

void App::frame_agent_centre(const PageContext& ctx) {
  AgentCentreState& s = agent_centre_;
  AgentCentreActions a;
  AgentCentrePage(ctx, s, a);
  if (a.load) {
    s.loading = true;
    net::send("GET", base_of(s.enterprise_id) + "/agent-centre", "", [this](const net::Response& r) {
      AgentCentreState& s = agent_centre_;
      s.loading = false;
      if (!r.ok()) {
        agent_centre_failed(r, "经办人中心");
        return;
      }
      AgentCentreLoad(s, [&r](const std::string& key) { return r.get(key); });
    });
  }
  if (a.change_password) agent_change_password();
  if (a.switch_identity) open_identity_choice("");
  if (a.sign_out) {
    s.busy = true;
    net::send("DELETE", "/api/v1/sessions/current", "", [this](const net::Response& r) {
      agent_centre_.busy = false;
      if (r.ok() || r.status == 401) {
        agent_centre_ = AgentCentreState{};
        signed_out("您已安全退出登录");
        return;
      }
      agent_centre_failed(r, "退出登录");
    });
  }
  agents_manage(s.agents, a.agents);
}

void App::agent_centre_failed(const net::Response& r, const char* service) {
  const std::string message = net::failure_message(r, service);
  if (r.status == 401 || r.get("error.code") == "CSRF_INVALID") {
    agent_centre_ = AgentCentreState{};
    signed_out(message);
    return;
  }
  if (r.status == 403 && r.get("error.code") == "AGENT_GRANT_INACTIVE") {
    // The grant stopped (disabled, revoked, expired): the person may still act as themselves.
    agent_centre_.error = message + "。请通过“切换身份”改用其他身份。";
    return;
  }
  agent_centre_.error = message;
}

void App::agent_change_password() {
  AgentCentreState& s = agent_centre_;
  s.busy = true;
  JsonObject body;
  body.add("old_password", s.old_password.str()).add("new_password", s.new_password.str());
  net::send("PUT", "/api/v1/me/password", body.str(), [this](const net::Response& r) {
    agent_centre_.busy = false;
    if (r.ok()) {
      agent_centre_ = AgentCentreState{};
      signed_out("密码已修改，所有设备上的登录均已退出，请使用新密码重新登录");
      return;
    }
    const std::string field = r.get("error.field");
    if (r.status != 401 && (field == "old_password" || field == "new_password")) {
      (field == "old_password" ? agent_centre_.old_password : agent_centre_.new_password).server_error =
          net::failure_message(r, "修改密码");
      return;
    }
    agent_centre_failed(r, "修改密码");
  });
}

// ---- The identity choice

void App::after_person_sign_in(const std::string& welcome) {
  centre_.welcome = welcome;
  // Only a person who acts for an enterprise is asked; everyone else goes straight on.
  net::send("GET", "/api/v1/me/identities", "", [this, welcome](const net::Response& r) {
    if (r.ok() && !r.get("identities.1.type").empty()) {
      identity_ = IdentityState{};
      IdentityLoad(identity_, [&r](const std::string& key) { return r.get(key); });
      identity_.welcome = welcome;
      go(Page::Identity);
      return;
    }
    go(Page::Centre);
  });
}

void App::open_identity_choice(const std::string& welcome) {
  identity_ = IdentityState{};
  identity_.welcome = welcome;
  go(Page::Identity);
}

void App::frame_identity(const PageContext& ctx) {
  IdentityState& s = identity_;
  IdentityActions a;
  IdentityPage(ctx, s, a);
  if (a.load) {
    s.loading = true;
    net::send("GET", "/api/v1/me/identities", "", [this](const net::Response& r) {
      IdentityState& s = identity_;
      s.loading = false;
      if (!r.ok()) {
        if (r.status == 401) {
          signed_out(net::failure_message(r, "选择登录身份"));
          return;
        }
        s.error = net::failure_message(r, "选择登录身份");
        return;
      }
      IdentityLoad(s, [&r](const std::string& key) { return r.get(key); });
    });
  }
  if (a.choose >= 0) choose_identity(a.choose);
  if (a.sign_out) {
    s.busy = true;
    net::send("DELETE", "/api/v1/sessions/current", "", [this](const net::Response& r) {
      identity_.busy = false;
      if (r.ok() || r.status == 401) {
        signed_out("您已安全退出登录");
        return;
      }
      identity_.error = net::failure_message(r, "退出登录");
    });
  }
}

void App::choose_identity(int index) {
  IdentityState& s = identity_;
  if (index < 0 || index >= static_cast<int>(s.identities.size())) return;
  const IdentityState::Identity chosen = s.identities[index];
  s.busy = true;
  s.error.clear();
  net::send("PUT", "/api/v1/sessions/current/identity", IdentityBody(chosen), [this, chosen](const net::Response& r) {
    IdentityState& s = identity_;
    s.busy = false;
    if (!r.ok()) {
      if (r.status == 401) {
        signed_out(net::failure_message(r, "切换身份"));
        return;
      }
      s.error = net::failure_message(r, "切换身份");
      return;
    }
    const std::string welcome = s.welcome;
    if (chosen.type == "person") {
      centre_ = CentreState{};
      centre_.welcome = welcome.empty() ? "已切换为本人身份" : welcome;
      go(Page::Centre);
    } else {
      open_agent_centre(chosen.enterprise_id, "当前身份：" + chosen.name + "（" + ActingRoleText(chosen.role) + "）");
    }
  });
}

// ---- 个人中心 / 经办人授权

void App::load_agent_grants() {
  centre_.grants_loading = true;
  net::send("GET", "/api/v1/me/agent-grants", "", [this](const net::Response& r) {
    if (!r.ok()) {
      centre_.grants_loading = false;
      centre_failed(r, "经办人授权");
      return;
    }
    CentreAgentGrantsLoad(centre_, [&r](const std::string& key) { return r.get(key); });
    net::send("GET", "/api/v1/me/enterprises", "", [this](const net::Response& r) {
      centre_.grants_loading = false;
      if (!r.ok()) {
        centre_failed(r, "我的授权企业");
        return;
      }
      CentreMyEnterprisesLoad(centre_, [&r](const std::string& key) { return r.get(key); });
    });
  });
}

void App::answer_agent_grant(long long grant_id, const char* verb) {
  centre_.grant_busy = grant_id;
  centre_.error.clear();
  centre_.success.clear();
  const bool accept = std::string(verb) == "accept";
  net::send("POST", "/api/v1/me/agent-grants/" + std::to_string(grant_id) + "/" + verb, "{}",
            [this, accept](const net::Response& r) {
              centre_.grant_busy = 0;
              if (!r.ok()) {
                centre_failed(r, accept ? "接受授权" : "拒绝授权");
                return;
              }
              centre_.success = accept ? "已接受授权，您现在可以以经办人身份登录并代理该企业办事" : "已拒绝授权";
              centre_.grants_loaded = false;
            });
}

void App::act_for_enterprise(int index) {
  if (index < 0 || index >= static_cast<int>(centre_.my_enterprises.size())) return;
  const CentreState::MyEnterprise e = centre_.my_enterprises[index];
  IdentityState::Identity id;
  id.type = "enterprise";
  id.role = e.role;
  id.name = e.name;
  id.enterprise_id = e.enterprise_id;
  id.grant_id = e.grant_id;
  centre_.busy = true;
  net::send("PUT", "/api/v1/sessions/current/identity", IdentityBody(id), [this, e](const net::Response& r) {
    centre_.busy = false;
    if (!r.ok()) {
      centre_failed(r, "切换身份");
      return;
    }
    open_agent_centre(e.enterprise_id, "当前身份：" + e.name + "（" + ActingRoleText(e.role) + "）");
  });
}

void App::request_agent_grant() {
  CentreState& s = centre_;
  s.busy = true;
  net::send("POST", "/api/v1/enterprises/" + std::string(s.req_uscc.str()) + "/grant-requests", GrantRequestBody(s),
            [this](const net::Response& r) {
              CentreState& s = centre_;
              s.busy = false;
              if (!r.ok()) {
                const std::string field = r.get("error.field");
                const std::string message = net::failure_message(r, "申请成为经办人");
                if (r.status != 401 && field == "valid_to") {
                  s.req_valid_to.server_error = message;
                  return;
                }
                if (r.status != 401 && (field == "uscc" || field == "id" || r.status == 404)) {
                  s.req_uscc.server_error = message;
                  return;
                }
                centre_failed(r, "申请成为经办人");
                return;
              }
              s.success = "授权申请已提交，请等待企业法定代表人或管理员审核";
              s.req_submitted = false;
              s.req_uscc.reset();
              s.req_note.reset();
              for (bool& p : s.req_picked) p = false;
            });
}

}  // namespace uia::web
