// 经办人管理 (seed 000 我的经办人, seed 001 法人授权, seed 003 管理经办人): the enterprise's agents,
// one tab of the 法人中心 (enterprise account) and of the 经办人中心 (legal representative or an
// admin agent acting for the enterprise; a plain agent never gets it).
//   list: every grant (name, ID number and phone masked by the server), scope, period, admin
//         flag, state; 启用 / 停用, 编辑, 撤销 on the grants the viewer may manage
//   新增经办人: name + ID number + phone (an exact match of a registered person), validity
//         period, admin flag (representatives only), a checklist of the service items
//   授权申请: persons who asked to become agents, 同意 / 拒绝
// A grant made by the enterprise account or the representative waits for the representative's
// face check: the page shows its 核验编号 and 刷新 reloads the list once it is done.
// REST: /api/v1/enterprises/{id}/agents[/{grant_id}], .../grant-requests[/{id}/approve|reject].
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct AgentsManageState {
  struct Item {
    std::string code, label;
  };
  struct Grant {
    long long id = 0;
    std::string name, id_number, phone;  // masked by the server
    std::vector<std::string> scope;
    std::string valid_from, valid_to, state;
    int level = 1;
    bool admin = false, manageable = false;
  };
  struct Request {
    long long id = 0;
    std::string name, id_number, phone;
    std::vector<std::string> scope;
    std::string valid_from, valid_to, note, state;
  };
  static constexpr int kMaxItems = 16;

  long long enterprise_id = 0;
  bool loading = false, loaded = false;
  bool requests_loading = false, requests_loaded = false;
  std::string viewer_role;  // enterprise | legal_rep | admin
  std::vector<Item> items;  // the service item catalogue
  std::vector<Grant> grants;
  std::vector<Request> requests;

  // The add / edit form
  enum Mode { kList, kAdd, kEdit };
  int mode = kList;
  long long edit_id = 0;
  ui::Field name, id_number, phone, valid_from, valid_to;
  bool admin = false;
  bool picked[kMaxItems] = {};
  std::string face_ticket, face_url;  // the representative's face check of the last grant added

  long long row_busy = 0;  // grant or request whose buttons wait for an answer
  bool submitted = false, busy = false;
  std::string error, success;

  bool representative() const { return viewer_role == "enterprise" || viewer_role == "legal_rep"; }
};

struct AgentsManageActions {
  bool load = false;           // GET .../agents
  bool load_requests = false;  // GET .../grant-requests
  bool save = false;           // POST .../agents or PATCH .../agents/{edit_id}
  long long enable = 0, disable = 0, revoke = 0;
  long long approve = 0, reject = 0;
};

void AgentsManageTab(const PageContext& ctx, AgentsManageState& s, AgentsManageActions& out);

// From GET .../agents (flattened keys: "agents.0.agent.name", "service_items.0.code", ...).
void AgentsManageLoad(AgentsManageState& s, const std::function<std::string(const std::string&)>& get);
void AgentRequestsLoad(AgentsManageState& s, const std::function<std::string(const std::string&)>& get);
// POST body (a new grant) or PATCH body (an edit: scope, period, admin flag).
std::string AgentGrantBody(const AgentsManageState& s);
bool AgentsManageSetServerError(AgentsManageState& s, const std::string& field, const std::string& message);

// Words for a grant's state and a scope list ("税务办理、社保办理").
const char* AgentGrantStateText(const std::string& state);
std::string ScopeText(const std::vector<AgentsManageState::Item>& items, const std::vector<std::string>& scope);
// "scope.0", "scope.1", ... under `prefix` until one is missing.
std::vector<std::string> ReadList(const std::function<std::string(const std::string&)>& get, const std::string& prefix);
// Appends ,"scope":["a","b"] to a JsonObject's text (before its closing brace).
std::string WithScope(std::string object_json, const std::vector<std::string>& scope);

}  // namespace uia::web
