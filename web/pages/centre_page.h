// 个人中心 (seed 000 四、个人中心; seed 003 用户中心): what a signed-in citizen manages about
// the account. Tabs: 基本信息 (GET /api/v1/me, masked, with the real-name level in words),
// 修改密码 (every session ends: back to login), 修改手机号 (password + SMS code to the NEW
// number), 登录设备 (my sessions, the current one marked, others can be signed out), 注销账号
// (consequences first, as seeds 001/003 spell them out, then ID number + SMS code), 安全设置
// (centre_security.cpp: 绑定邮箱 with a code by e-mail, 密保问题 for password recovery), and
// 退出登录 in the title row.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "pages/centre_relations.h"
#include "pages/agents_manage.h"
#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct CentreState {
  enum Tab {
    kInfo, kAddresses, kPassword, kPhone, kSessions, kSecurity, kAuthorized, kMessages, kRelatives, kDelegations,
    kAgentGrants, kDelete
  };
  int tab = kInfo;
  std::string welcome;  // "登录成功，欢迎您，张*" right after sign-in

  // 基本信息: masked values as the server sends them.
  bool me_loading = false, me_loaded = false;
  ui::Field account, name, id_type, id_number, phone, created_at;
  int level = 0;

  // 修改密码
  ui::Field old_password, new_password, confirm;

  // 修改手机号
  ui::Field phone_password, new_phone, captcha, sms_code;
  CaptchaState captcha_image;
  SmsState sms;

  // 登录设备
  struct Session {
    long long id = 0;
    std::string device;      // "Chrome 浏览器 · Windows"
    std::string ip, last_seen, created;  // local time "2026-11-26 09:40"
    bool current = false;
  };
  std::vector<Session> sessions;
  bool sessions_loading = false, sessions_loaded = false;
  long long revoking = 0;  // session being signed out (its button is busy)

  // 已授权系统: the business systems this person let sign them in (OpenID Connect clients)
  struct AuthorizedClient {
    std::string client_id, name;
    std::vector<std::string> scopes;
    std::string authorized, last_used;  // local time, last_used "" when never
  };
  std::vector<AuthorizedClient> authorized;
  bool authorized_loading = false, authorized_loaded = false;
  std::string unauthorizing;  // client whose 取消授权 is under way

  // 注销账号
  bool understood = false;  // 我已阅读并知晓上述影响
  ui::Field delete_id_number, delete_code;
  SmsState delete_sms;

  // 基本信息 编辑 (centre_profile.cpp): GET/PUT /api/v1/me/profile, GET /api/v1/profile/options
  bool profile_loading = false, profile_loaded = false;
  bool editing = false;
  std::string ethnicity, education, occupation, work_unit, contact_address, postcode, valid_from, valid_to;
  std::vector<std::string> options[3];        // 民族, 学历, 职业 ("" first: 未填写)
  std::vector<const char*> option_texts[3];  // for ui::Combo
  int option_pick[3] = {0, 0, 0};
  ui::Field edit_name, edit_work_unit, edit_contact_address, edit_postcode, edit_valid_from, edit_valid_to;
  bool edit_long_term = false;

  // 地址管理 (centre_addresses.cpp): GET/POST /api/v1/me/addresses, PUT/DELETE .../{id}
  struct Address {
    long long id = 0;
    std::string kind;  // contact | postal
    std::string recipient, phone, region, detail, postcode;  // phone masked by the server
    bool is_default = false;
  };
  std::vector<Address> addresses;
  bool addresses_loading = false, addresses_loaded = false;
  bool address_form = false;      // the add/edit form is open
  long long address_edit_id = 0;  // 0: a new address
  int address_kind = 1;           // 0 contact (联系地址), 1 postal (邮寄地址 EMS)
  ui::Field addr_recipient, addr_phone, addr_region, addr_detail, addr_postcode;
  bool addr_default = false;
  long long address_busy = 0;  // address being deleted or made the default (its buttons are busy)

  // 安全设置 / 绑定邮箱: PUT /api/v1/me/email sends the code, POST /api/v1/me/email/verify binds
  std::string email_on_file;  // masked, "" when none is verified
  ui::Field email_password, email, email_code;
  SmsState email_sent;  // the 获取验证码 countdown of the e-mail code
  bool email_submitted = false;
  // 安全设置 / 密保问题: the catalogue (GET /api/v1/security-questions) and three picks
  struct Question {
    std::string id, text;
  };
  std::vector<Question> catalogue;
  std::vector<const char*> catalogue_texts;  // into catalogue, for ui::Combo
  bool security_loading = false, security_loaded = false;
  bool questions_set = false;
  std::vector<std::string> my_questions;  // texts of the questions on file
  int pick[3] = {0, 1, 2};
  ui::Field questions_password, answers[3];
  bool questions_submitted = false;

  // 我的消息, 亲属管理, 授权关系 (pages/centre_relations.h)
  RelationsState relations;
  // 经办人授权 (centre_agent_grants.cpp): grants offered to me (接受 / 拒绝 within 24 h), the
  // enterprises I act for (进入 switches the session to one), and a request for a grant.
  struct OfferedGrant {
    long long id = 0;
    std::string enterprise_name, uscc, state, confirm_by, valid_from, valid_to;
    std::vector<std::string> scope;
    bool admin = false;
  };
  struct MyEnterprise {
    long long enterprise_id = 0, grant_id = 0;
    std::string name, uscc, role, state, valid_from, valid_to;
    std::vector<std::string> scope;
    bool in_force = false;
  };
  std::vector<OfferedGrant> offered;
  std::vector<MyEnterprise> my_enterprises;
  std::vector<AgentsManageState::Item> service_items;
  bool grants_loading = false, grants_loaded = false;
  long long grant_busy = 0;
  ui::Field req_uscc, req_valid_to, req_note;
  bool req_picked[AgentsManageState::kMaxItems] = {};
  bool req_submitted = false;

  bool submitted = false;  // the current tab's button pressed at least once
  bool busy = false;
  std::string error, success;
};

struct CentreActions {
  bool load_me = false;            // GET /api/v1/me
  bool load_sessions = false;      // GET /api/v1/me/sessions
  bool change_password = false;    // PUT /api/v1/me/password
  bool request_phone_sms = false;  // POST /api/v1/sms/codes (purpose change_phone, new phone)
  bool change_phone = false;       // PUT /api/v1/me/phone
  long long revoke_session = 0;    // DELETE /api/v1/me/sessions/{id}
  bool request_delete_sms = false; // POST /api/v1/me/deletion/sms
  bool delete_account = false;     // DELETE /api/v1/me
  bool sign_out = false;           // DELETE /api/v1/sessions/current
  bool refresh_captcha = false;
  bool load_profile = false;        // GET /api/v1/profile/options, /api/v1/me/profile
  bool save_profile = false;        // PUT /api/v1/me/profile
  bool load_addresses = false;      // GET /api/v1/me/addresses
  bool save_address = false;        // POST or PUT /api/v1/me/addresses[/{id}]
  long long delete_address = 0;     // DELETE /api/v1/me/addresses/{id}
  long long default_address = 0;    // POST /api/v1/me/addresses/{id}/default
  bool load_security = false;       // GET /api/v1/security-questions, /me/security-questions, /me/profile
  bool request_email_code = false;  // PUT /api/v1/me/email
  bool verify_email = false;        // POST /api/v1/me/email/verify
  bool set_questions = false;       // PUT /api/v1/me/security-questions
  bool load_authorized = false;     // GET /api/v1/me/authorized-clients
  std::string unauthorize;          // DELETE /api/v1/me/authorized-clients/{client_id}
  RelationsActions relations;       // 我的消息, 亲属管理, 授权关系
  bool load_agent_grants = false;   // GET /api/v1/me/agent-grants, /api/v1/me/enterprises
  long long accept_grant = 0;       // POST /api/v1/me/agent-grants/{id}/accept
  long long refuse_grant = 0;       // POST /api/v1/me/agent-grants/{id}/refuse
  int act_for = -1;                 // PUT /api/v1/sessions/current/identity (my_enterprises index)
  bool request_grant = false;       // POST /api/v1/enterprises/{uscc}/grant-requests
};

// 基本信息 beyond the masked identity: the editable rows, read-only or in 编辑 mode.
void CentreProfileSection(const PageContext& ctx, CentreState& s, CentreActions& out);
void OpenProfileEditor(CentreState& s);
std::string ProfileBody(const CentreState& s);

// 地址管理 (centre_addresses.cpp).
void CentreAddressesTab(const PageContext& ctx, CentreState& s, CentreActions& out);
std::string AddressBody(const CentreState& s);
// Opens the form for `a` (nullptr: a new address).
void OpenAddressForm(CentreState& s, const CentreState::Address* a);

// 经办人授权 (centre_agent_grants.cpp).
void CentreAgentGrantsTab(const PageContext& ctx, CentreState& s, CentreActions& out);
void CentreAgentGrantsLoad(CentreState& s, const std::function<std::string(const std::string&)>& get);
void CentreMyEnterprisesLoad(CentreState& s, const std::function<std::string(const std::string&)>& get);
std::string GrantRequestBody(const CentreState& s);

// 安全设置 (centre_security.cpp).
void CentreSecurityTab(const PageContext& ctx, CentreState& s, CentreActions& out);
// 已授权系统: each business system with what it may read, and 取消授权 (centre_authorized.cpp).
void CentreAuthorizedTab(const PageContext& ctx, CentreState& s, CentreActions& out);
// {"password":..,"questions":[{"question":id,"answer":..} x3]}
std::string SecurityQuestionsBody(const CentreState& s);

void CentrePage(const PageContext& ctx, CentreState& s, CentreActions& out);

// What a level means (the ladder of shared/profile/profile.h: 1 registered, 2 identity checked
// with the police register, 3 a strong remote proof, 4 a certificate) and, when the profile's
// ladder goes higher, what reaches the next rung; the names are level_name's.
std::string LevelExplanation(const Profile& profile, int level);
// "Chrome 浏览器 · Android" from a User-Agent header.
std::string DeviceName(const std::string& user_agent);
// RFC 3339 UTC -> the browser's local time "YYYY-MM-DD HH:MM" (the text itself when unparsable).
std::string LocalTime(const std::string& rfc3339);

bool CentreSetServerError(CentreState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
