// 账号申诉 (seeds 001 1.6, 2.7; 000 五.2): the last-resort way back into an account, reached
// from both tabs of 用户登录 and from the 法人登录 refusal "请通过账号申诉处理". Two groups,
// 个人账号申诉 and 法人账号申诉, one card per appeal kind of shared/appeals (label, what it is
// for, the materials it needs); the 申诉授权书 template for the enterprise kinds; 申诉进度查询.
#pragma once
#include <string>

#include "pages/page.h"

namespace uia::web {

struct AppealHomeState {
  bool enterprise_first = false;  // came from 法人登录: the enterprise group first
  std::string message;            // why the user is here (the sign-in refusal)
};

struct AppealHomeActions {
  std::string start;  // an appeal kind's code: open its steps
  bool download_template = false;  // GET /api/v1/appeals/templates/authorisation-letter
  bool go_progress = false;
  bool go_login = false;
};

void AppealHomePage(const PageContext& ctx, AppealHomeState& s, AppealHomeActions& out);

// Where the 申诉授权书 template is served.
inline constexpr const char* kAppealLetterTemplateUrl = "/api/v1/appeals/templates/authorisation-letter";

}  // namespace uia::web
