// 工作人员登录 (/#/staff): back-office staff sign in with their username and password
// (POST /api/v1/admin/sessions, accounts made by `uia admin add`). The answer's bearer token is
// kept in memory only (net::set_staff_token): never a cookie, never localStorage, so closing or
// reloading the tab ends the sign-in on this side. Then the 审核工作台 opens.
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct StaffSignInState {
  ui::Field username, password;
  bool submitted = false;  // 登录 pressed once: empty fields say so
  bool busy = false;
  std::string error, info;  // the server's refusal; "已退出登录"
};

struct StaffSignInActions {
  bool submit = false;
};

void StaffSignInPage(const PageContext& ctx, StaffSignInState& s, StaffSignInActions& out);

}  // namespace uia::web
