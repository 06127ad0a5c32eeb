// The application: which page is showing, the state of each page, and the actions that turn
// into REST calls (API-CONTRACT.md). One instance, driven by main.cpp's frame loop.
// The REST side of each page lives beside this file: app.cpp (routing, login, registration,
// shared captcha/SMS calls), app_activation.cpp, app_recovery.cpp, app_centre.cpp, app_face.cpp,
// app_documents.cpp, app_qr.cpp, app_oidc.cpp, app_relations.cpp; the enterprise (法人) pages in app_enterprise.cpp
// and app_enterprise_centre.cpp.
#pragma once
#include <string>

#include "net.h"
#include "pages/activation_page.h"
#include "pages/agent_centre_page.h"
#include "pages/appeal_form_page.h"
#include "pages/appeal_home_page.h"
#include "pages/appeal_progress_page.h"
#include "pages/centre_page.h"
#include "pages/consent_page.h"
#include "pages/documents_page.h"
#include "pages/enterprise_activation_page.h"
#include "pages/enterprise_centre_page.h"
#include "pages/enterprise_recovery_page.h"
#include "pages/enterprise_register_page.h"
#include "pages/face_page.h"
#include "pages/identity_page.h"
#include "pages/login_page.h"
#include "pages/qr_confirm_page.h"
#include "pages/recovery_page.h"
#include "pages/register_page.h"
#include "pages/staff_sign_in_page.h"
#include "pages/workbench_page.h"

namespace uia::web {

class App {
 public:
  enum class Page {
    Login, Register, Activation, Recovery, Centre, Face, Documents, QrConfirm, Consent,
    EnterpriseRegister, EnterpriseRecovery, EnterpriseActivation, EnterpriseCentre,
    AgentCentre, Identity, StaffSignIn, Workbench, AppealHome, AppealForm, AppealProgress,
  };

  void frame(Date today, double now);

 private:
  void go(Page page);
  void draw_page(const PageContext& ctx);
  void load_captcha(CaptchaState& captcha);
  // Loads the page's captcha when it has none yet or the shown one has expired.
  void keep_captcha_fresh(CaptchaState& captcha);

  // POST /api/v1/sms/codes: the captcha is spent whatever the answer (a new one is loaded);
  // errors go under the phone or captcha field when the server names them, else under the code.
  void send_sms_code(SmsState& sms, const std::string& phone, const char* purpose, CaptchaState& captcha,
                     ui::Field& captcha_answer, ui::Field& phone_field);
  // The flows that send the code to the number on file (recovery, deletion): POST url.
  void send_sms_to_phone_on_file(SmsState& sms, const std::string& url);
  // Starts the countdown and says where the code went.
  void sms_sent(SmsState& sms, const net::Response& r);

  // Login page
  void frame_login(const PageContext& ctx);
  void submit_login();
  void submit_sms_login();
  void signed_in(const net::Response& r);
  void login_failed(const net::Response& r);

  // A reloaded page: the HttpOnly cookie may still hold a session; its CSRF token (kept in
  // memory only) comes back from GET /api/v1/sessions/current and the centre opens.
  void restore_session();

  // QR-code login (app_qr.cpp): the desktop's tab on the login page, the phone's confirm page.
  void frame_qr_login(const PageContext& ctx, const QrLoginActions& a);
  void qr_create();
  void qr_poll();
  // #/qr?ticket=... in the address: remember the ticket, then confirm it once signed in.
  void follow_location_hash();
  void ask_sign_in_for_qr();
  void open_qr_confirm();
  void frame_qr_confirm(const PageContext& ctx);
  void qr_step(const char* step);  // "scan", "confirm" or "cancel"

  // 其他登录方式 (app_upstream.cpp): sign in at an upstream platform (国家政务服务平台).
  void upstream_load();             // GET /api/v1/upstream/providers, once
  void upstream_start(int index);   // top-level navigation to the provider's login_url
  // /#/login?upstream_error=CODE (the upstream sign-in failed): its message on the login page.
  void upstream_error_from_location();

  // Registration page
  void frame_register(const PageContext& ctx);
  void submit_register(Date today);
  void request_sms(double now);

  // 人脸识别认证 (app_face.cpp)
  void frame_face(const PageContext& ctx);
  void face_poll();
  void face_retry();

  // 上传证明材料 (app_documents.cpp)
  void frame_documents(const PageContext& ctx);
  void documents_pick();

  // Activation page (app_activation.cpp)
  void frame_activation(const PageContext& ctx);
  void activation_verify(Date today);
  void activation_load();
  void activation_finish();
  void activation_failed(const net::Response& r, const char* service);

  // Recovery page (app_recovery.cpp)
  void frame_recovery(const PageContext& ctx);
  void recovery_identify(Date today);
  void recovery_finish();
  void recovery_send_email();

  // OpenID Connect (app_oidc.cpp): a business system sent the browser to /#/login?oidc=<id> or
  // /#/consent?oidc=<id>. Read once at start-up, before the session is restored.
  void oidc_from_location();
  // After the session restore: the consent page when signed in and the server asked for
  // consent, else the login page naming the system.
  void oidc_open(bool has_session);
  // GET /api/v1/oidc/requests/{id}; continue_if_consented: right after a sign-in, a system
  // the person already authorized (at a level they have) gets its answer without a second click.
  void oidc_load(bool continue_if_consented);
  void oidc_decide(bool approve);
  // The request cannot go on (expired, finished): plain login / centre from now on.
  void oidc_forget();
  void frame_consent(const PageContext& ctx);

  // Personal centre (app_centre.cpp)
  void frame_centre(const PageContext& ctx);
  void load_me();
  void load_sessions();
  void change_password();
  void change_phone();
  void revoke_session(long long id);
  void load_authorized_clients();
  void unauthorize_client(const std::string& client_id);
  void load_profile();
  void save_profile();
  void load_addresses();
  void save_address();
  void delete_address(long long id);
  void make_default_address(long long id);
  void load_security();
  void request_email_code();
  void verify_email();
  void set_security_questions();
  void delete_account();
  void sign_out();
  // 我的消息, 亲属管理, 授权关系 (app_relations.cpp)
  void frame_relations(const PageContext& ctx, const RelationsActions& a);
  void relations_failed(const net::Response& r, const char* service, bool relatives_tab);
  void load_messages();
  void read_messages(long long id);  // 0: all
  void act_on_delegation(long long id, const char* action);  // confirm, refuse, end
  void load_relatives();
  void save_relative(Date today);
  void delete_relative(long long id);
  void restart_relative_face(long long id);
  void load_delegations();
  void create_delegation();
  void poll_face_wait(bool relative);
  // A centre request failed: an ended session goes back to login, anything else is shown.
  void centre_failed(const net::Response& r, const char* service);
  // The session is over (signed out, password changed, account deleted, expired): forget the
  // CSRF token and the centre's data, show `message` on the login page.
  void signed_out(const std::string& message);

  // 法人 pages (app_enterprise.cpp): 法人登录 is a tab of the login page.
  void submit_enterprise_login();
  void enterprise_login_failed(const net::Response& r);
  void enterprise_signed_in(const net::Response& r);
  void frame_enterprise_register(const PageContext& ctx);
  void submit_enterprise_register(Date today);
  void frame_enterprise_recovery(const PageContext& ctx);
  void enterprise_recovery_identify();
  void enterprise_recovery_finish();
  void frame_enterprise_activation(const PageContext& ctx);
  void enterprise_activation_start();
  void enterprise_activation_verify();
  void enterprise_activation_finish();
  // Opens the login page on its 法人登录 tab (with a message when there is one).
  void go_enterprise_login(const std::string& message = std::string());

  // 法人中心 (app_enterprise_centre.cpp)
  void frame_enterprise_centre(const PageContext& ctx);
  void enterprise_load();
  // PUT /api/v1/enterprises/{id}/<what>: the answer is the changed enterprise.
  void enterprise_change(const char* what, const std::string& body, const char* done_message);
  void enterprise_change_password();
  void enterprise_failed(const net::Response& r, const char* service);

  // Enterprise agents (app_agents.cpp): 经办人管理 (a tab of the 法人中心 and of the 经办人中心),
  // the 经办人中心, the identity choice after a person's sign-in, 个人中心 / 经办人授权.
  void agents_manage(AgentsManageState& s, const AgentsManageActions& a);
  void agents_failed(AgentsManageState& s, const net::Response& r, const char* service);
  void agents_reload(AgentsManageState& s);
  void agent_signed_in(const net::Response& r);
  void open_agent_centre(long long enterprise_id, const std::string& welcome);
  void frame_agent_centre(const PageContext& ctx);
  void agent_centre_failed(const net::Response& r, const char* service);
  void agent_change_password();
  // After a person's sign-in: the identity choice when the person acts for enterprises, else the 个人中心.
  void after_person_sign_in(const std::string& welcome);
  void open_identity_choice(const std::string& welcome);
  void frame_identity(const PageContext& ctx);
  void choose_identity(int index);
  void load_agent_grants();
  void answer_agent_grant(long long grant_id, const char* verb);
  void act_for_enterprise(int index);
  void request_agent_grant();

  // 工作人员登录 and 审核工作台 (app_workbench.cpp), reached at /#/staff. The staff bearer token
  // lives in net.cpp's memory only.
  void staff_from_location();
  void frame_staff_sign_in(const PageContext& ctx);
  void staff_sign_in();
  // Forgets the token and the workbench; the sign-in page shows `message` (an alert if is_error).
  void staff_signed_out(const std::string& message, bool is_error);
  // A 401 from a staff route: back to the sign-in page with the server's message (true).
  bool workbench_session_over(const net::Response& r);
  void frame_workbench(const PageContext& ctx);
  void workbench_load_list(bool more);
  void workbench_open_case(const std::string& number);
  void workbench_reload_case();
  // POST /api/v1/admin/cases/{n}/<verb> (claim, release, decision), then the case read again.
  void workbench_case_action(const char* verb, const std::string& body, const std::string& done_message);
  void workbench_view_material(long long id);
  void workbench_search_accounts();
  void workbench_freeze(int index, bool freeze);

  // 账号申诉 (app_appeals.cpp): the home page, one appeal's steps, 申诉进度查询.
  void open_appeals(bool enterprise_first, const std::string& message = std::string());
  void frame_appeal_home(const PageContext& ctx);
  void frame_appeal_form(const PageContext& ctx);
  void appeal_lookup_enterprise();
  void appeal_create(Date today);
  void appeal_pick(int slot);
  void appeal_submit();
  void frame_appeal_progress(const PageContext& ctx);
  void appeal_progress_query();

  Page page_ = Page::Login;
  enum class Restore { NotAsked, Asking, Done };
  Restore restore_ = Restore::NotAsked;
  bool scroll_to_top_ = false;
  double now_ = 0;

  // The province profile (GET /api/v1/profile), fetched once at start; the pages wait for it.
  enum class ProfileStatus { Empty, Loading, Ready, Failed };
  void load_province_profile();
  // Shown in the card until the profile is there: a note while it loads, a retry when it failed.
  void draw_profile_wait(const PageContext& ctx);
  Profile profile_;
  ProfileStatus profile_status_ = ProfileStatus::Empty;
  LoginState login_;
  RegisterState register_;
  ActivationState activation_;
  RecoveryState recovery_;
  CentreState centre_;
  FaceState face_;
  DocumentsState documents_;
  EnterpriseRegisterState enterprise_register_;
  EnterpriseRecoveryState enterprise_recovery_;
  EnterpriseActivationState enterprise_activation_;
  EnterpriseCentreState enterprise_centre_;
  QrConfirmState qr_confirm_;
  std::string qr_ticket_waiting_;  // a QR login link opened before signing in
  ConsentState consent_;
  bool oidc_wants_consent_ = false;  // the address was /#/consent?oidc=..., not /#/login?oidc=...
  AgentCentreState agent_centre_;
  IdentityState identity_;
  StaffSignInState staff_sign_in_;
  WorkbenchState workbench_;
  AppealHomeState appeal_home_;
  AppealFormState appeal_;
  AppealProgressState appeal_progress_;
};

}  // namespace uia::web
