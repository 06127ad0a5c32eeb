// 选择登录身份 (seed 003: "系统检测到若绑定了企业经办人的身份，则会弹出弹窗提示，选择需要登录的身份";
// "可以通过右上角切换按钮，再次进行切换"): after a person signs in and holds identities for
// enterprises (legal representative, admin or agent with a grant in force), or when 切换身份 is
// pressed in a centre: 本人 or one of the enterprises. GET /api/v1/me/identities lists them,
// PUT /api/v1/sessions/current/identity switches the session in place.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct IdentityState {
  struct Identity {
    std::string type;  // person | enterprise
    std::string role;  // self | legal_rep | admin | agent
    std::string name;  // the person's (masked) or the enterprise's
    std::string uscc;
    long long enterprise_id = 0, grant_id = 0;
  };
  std::vector<Identity> identities;
  int current = -1;  // index of the identity the session holds
  bool loading = false, loaded = false;
  bool busy = false;
  std::string welcome, error;
};

struct IdentityActions {
  bool load = false;
  int choose = -1;  // index into identities
  bool sign_out = false;
};

void IdentityPage(const PageContext& ctx, IdentityState& s, IdentityActions& out);
void IdentityLoad(IdentityState& s, const std::function<std::string(const std::string&)>& get);
std::string IdentityBody(const IdentityState::Identity& id);

}  // namespace uia::web
