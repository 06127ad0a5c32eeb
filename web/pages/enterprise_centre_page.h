// 法人中心 (seed 000 企业中心, seed 001 法人信息变更): what a signed-in enterprise manages.
// Tabs: 企业信息 (basic and extended registry details, masked), 法定代表人信息, 修改密码 (every
// session of the enterprise ends: back to login), 修改联系手机 (①身份验证 by the login password,
// ②新号码绑定 with a code sent to the new number), 信息变更 (checked against the business
// registry; the USCC is shown read-only), 法定代表人变更 (another real-name person, confirmed by
// the registry), and 退出登录 in the title row.
// 经办人管理 (agents_manage.h): the enterprise's agents and the grant requests of persons.
#pragma once
#include <functional>
#include <string>

#include "pages/agents_manage.h"
#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct EnterpriseCentreState {
  enum Tab { kInfo, kRep, kPassword, kPhone, kChangeInfo, kChangeRep, kAgents };
  int tab = kInfo;
  long long enterprise_id = 0;
  std::string welcome;  // "登录成功，欢迎您，…" right after sign-in

  // GET /api/v1/enterprises/{id}: masked values as the server sends them.
  bool loading = false, loaded = false;
  std::string account, uscc, name, org_type, status, phone, created_at;
  bool registry_confirmed = false;
  std::string rep_name, rep_id_type, rep_id_number, rep_valid_from, rep_valid_to;
  static constexpr int kExtendedCount = 8;
  std::string extended[kExtendedCount];  // in the order of EnterpriseExtendedKeys()

  // 修改密码
  ui::Field old_password, new_password, confirm;
  // 修改联系手机
  ui::Field phone_password, new_phone, captcha, sms_code;
  CaptchaState captcha_image;
  SmsState sms;
  // 信息变更
  int change_org_type = 0;
  ui::Field change_name;
  // 法定代表人变更
  ui::Field new_rep_name, new_rep_id_number;
  int new_rep_id_type = 0;

  // 经办人管理 (agents_manage.h)
  AgentsManageState agents;

  bool submitted = false;  // the current tab's button pressed at least once
  bool busy = false;
  std::string error, success;
};

struct EnterpriseCentreActions {
  bool load = false;               // GET /api/v1/enterprises/{id}
  bool change_password = false;    // PUT .../password
  bool request_phone_sms = false;  // POST /api/v1/sms/codes (purpose enterprise_change_phone)
  bool change_phone = false;       // PUT .../phone
  bool change_info = false;        // PUT .../info
  bool change_rep = false;         // PUT .../legal-representative
  bool refresh_captcha = false;
  bool sign_out = false;           // DELETE /api/v1/sessions/current
  AgentsManageActions agents;      // 经办人管理
};

void EnterpriseCentrePage(const PageContext& ctx, EnterpriseCentreState& s, EnterpriseCentreActions& out);

// The REST keys of the "extended" object, in display order.
const char* const* EnterpriseExtendedKeys();
// Takes the enterprise as GET /api/v1/enterprises/{id} (and every change) answers it; `get`
// reads one flattened field ("legal_rep.name").
void EnterpriseCentreLoad(const Profile& profile, EnterpriseCentreState& s,
                          const std::function<std::string(const std::string&)>& get);

std::string EnterprisePasswordBody(const EnterpriseCentreState& s);
std::string EnterprisePhoneBody(const EnterpriseCentreState& s);
std::string EnterpriseInfoBody(const Profile& profile, const EnterpriseCentreState& s);
std::string EnterpriseRepBody(const EnterpriseCentreState& s);
bool EnterpriseCentreSetServerError(EnterpriseCentreState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
