#include "pages/centre_page.h"

#include <cstdio>
#include <ctime>
#include <initializer_list>
#include <utility>

#include "a11y.h"
#include "api/error_code.h"
#include "policy/account.h"
#include "policy/contact.h"

namespace uia::web {
namespace {

// In CentreState::Tab order.
const char* const kTabs[] = {"基本信息", "地址管理", "修改密码", "修改手机号", "登录设备", "安全设置", "已授权系统",
                             "我的消息", "亲属管理", "授权关系", "经办人授权", "注销账号"};
constexpr int kTabCount = sizeof kTabs / sizeof kTabs[0];

// Seeds 001 (1.7 个人账号注销) and 003 list what deleting an account does; the same in plain words.
const char* const kDeletionEffects[] = {
    "您的姓名、证件号码、手机号码等个人信息将被永久删除；",
    "所有设备上的登录将立即退出，已授权给各业务系统的登录和授权全部解除；",
    "注销后无法再用本账号登录本平台及与本平台对接的业务系统；",
    "注销不可撤销，账号无法恢复；",
    "注销后，您的用户账号名和手机号码可以重新用于注册。",
};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

// The first field with a message gets keyboard focus; true when every message is empty.
bool all_ok_or_focus(std::initializer_list<std::pair<std::string_view, ui::Field*>> checks) {
  for (const auto& c : checks) {
    if (!c.first.empty()) {
      c.second->focus_request = true;
      return false;
    }
  }
  return true;
}

void info_tab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.me_loaded) {
    if (!s.me_loading && s.error.empty()) out.load_me = true;
    ImGui::SetCursorPosX(form.field_x());
    if (s.error.empty()) ui::Note("正在读取账号信息…", form.field_w());
    ui::RowGap(8);
    return;
  }
  // No 用户账号 row where the profile gives people no login name of their own (account.mode
  // id_number / none) and this person has none.
  const bool account_row = !s.account.empty() || ctx.profile->account_mode == "user_chosen";
  if (s.editing) {  // 编辑 mode: the identity rows stay masked above the form
    if (account_row) ReadOnlyRow(form, "用户账号", s.account.str());
    ReadOnlyRow(form, "证件号码", s.id_number.str());
    CentreProfileSection(ctx, s, out);
    return;
  }
  if (account_row) ReadOnlyRow(form, "用户账号", s.account.str());
  ReadOnlyRow(form, "用户姓名", s.name.str());
  ReadOnlyRow(form, "证件类型", s.id_type.str());
  ReadOnlyRow(form, "证件号码", s.id_number.str());
  ReadOnlyRow(form, "手机号码", s.phone.str());
  ReadOnlyRow(form, "注册时间", s.created_at.str());

  // The real-name level in words, with what it means and how to raise it.
  ui::RowLabel(form, "实名等级", false);
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kSuccess));
  const std::string level = level_name(*ctx.profile, s.level);
  ImGui::TextUnformatted(level.c_str());
  ImGui::PopStyleColor();
  a11y::Node n;
  n.role = a11y::Role::Status;
  n.label = "实名等级：" + level;
  n.text = n.label;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  ImGui::SetCursorPosX(form.field_x());
  ui::Note(LevelExplanation(*ctx.profile, s.level), form.field_w());
  ui::RowGap(8);
  CentreProfileSection(ctx, s, out);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("为保护您的隐私，姓名、证件号码和手机号码只显示部分内容。", form.field_w());
}

void password_tab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  std::string_view old_msg = s.old_password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view new_msg = msg(check_password(s.new_password.str(), s.account.str(), ctx.profile->password));
  if (new_msg.empty() && !s.new_password.empty() && s.new_password.str() == s.old_password.str())
    new_msg = message_zh(ErrorCode::PasswordUnchanged);
  std::string_view confirm_msg = s.confirm.empty() ? message_zh(ErrorCode::PasswordEmpty)
                                 : s.confirm.str() != s.new_password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                           : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "原密码";
  spec.hint = "请输入当前的登录密码";
  spec.field = "old_password";
  spec.keyboard = ui::Keyboard::Password;
  row(form, spec, s.old_password, ShownError(s.old_password, old_msg, s.submitted));

  spec = {};
  spec.label = "新密码";
  spec.hint = "请设置新密码";
  spec.field = "new_password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.new_password, ShownError(s.new_password, new_msg, s.submitted));

  spec = {};
  spec.label = "确认新密码";
  spec.hint = "请再次输入新密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  row(form, spec, s.confirm, ShownError(s.confirm, confirm_msg, s.submitted));

  ImGui::SetCursorPosX(form.field_x());
  ui::Note("修改成功后，所有设备上的登录都将退出，请使用新密码重新登录。", form.field_w());
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("确认修改", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    out.change_password = all_ok_or_focus(
        {{old_msg, &s.old_password}, {new_msg, &s.new_password}, {confirm_msg, &s.confirm}});
  }
}

void phone_tab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  // The proof this page builds is the login password (PUT /api/v1/me/phone without "proof"),
  // offered where the profile lists it; a face-only profile (003 2.1.4, 004 五) changes the
  // phone in the app.
  if (!profile_lists(ctx.profile->phone_change_proofs, "password")) {
    ReadOnlyRow(form, "当前手机号码", s.phone.str());
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox("修改手机号码需进行人脸核验，请使用手机APP扫码办理。", ui::Tone::Info, form.field_w());
    ui::RowGap(10);
    return;
  }
  std::string_view pw_msg = s.phone_password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view phone_msg = msg(check_phone(s.new_phone.str()));
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();

  ReadOnlyRow(form, "当前手机号码", s.phone.str());

  ui::TextFieldSpec spec;
  spec.label = "登录密码";
  spec.hint = "为保护账号安全，请输入登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  row(form, spec, s.phone_password, ShownError(s.phone_password, pw_msg, s.submitted));

  spec = {};
  spec.label = "新手机号码";
  spec.hint = "请输入新的手机号码";
  spec.field = "new_phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  row(form, spec, s.new_phone, ShownError(s.new_phone, phone_msg, s.submitted));

  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, false)))
    out.refresh_captcha = true;
  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, code_msg, s.submitted))) {
    s.sms.error.clear();
    if (phone_msg.empty() && captcha_msg.empty()) {
      out.request_phone_sms = true;
    } else {
      s.new_phone.visited = s.captcha.visited = true;
      (phone_msg.empty() ? s.captcha : s.new_phone).focus_request = true;
    }
  }
  if (s.sms.info.empty()) {  // once sent, the line under the code says where it went
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("验证码将发送到新手机号码，以确认该号码由您本人使用。", form.field_w());
  }
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("确认修改", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    out.change_phone = all_ok_or_focus({{pw_msg, &s.phone_password}, {phone_msg, &s.new_phone}, {code_msg, &s.sms_code}});
  }
}

// One signed-in device: what it is, where from, when last seen; others can be signed out.
void session_row(const ui::Form& form, const CentreState::Session& d, bool busy, CentreActions& out) {
  const float button_w = 64.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  ImGui::TextUnformatted(d.device.c_str());
  if (d.current) {
    ImGui::SameLine(0, 8);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kSuccess));
    ImGui::TextUnformatted("当前设备");
    ImGui::PopStyleColor();
  }
  const float text_w = form.width - 24 - (d.current ? 0 : button_w + 8);
  ImGui::SetCursorPosX(form.x + 12);
  std::string detail = "IP " + (d.ip.empty() ? std::string("未知") : d.ip) + " · 最近活动 " + d.last_seen;
  ui::Note(detail, text_w);
  ImGui::SetCursorPosX(form.x + 12);
  ui::Note("登录时间 " + d.created, text_w);
  ui::RowGap(4);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);

  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = d.device + (d.current ? "（当前设备）" : "");
  n.text = n.label + " " + detail;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));

  if (!d.current) {
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top.x + form.width - button_w - 12, top.y + (bottom.y - top.y - 32) * 0.5f));
    ImGui::PushID(static_cast<int>(d.id));
    if (ui::SecondaryButton("下线", ImVec2(button_w, 32), busy)) out.revoke_session = d.id;
    ImGui::PopID();
    ImGui::SetCursorScreenPos(after);
  }
  ui::RowGap(8);
}

void sessions_tab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.sessions_loaded && !s.sessions_loading && s.error.empty()) out.load_sessions = true;
  ImGui::SetCursorPosX(form.x);
  ui::Note("以下设备正登录着您的账号。如有不认识的设备，请将其下线并修改密码。", form.width);
  ui::RowGap(10);
  if (!s.sessions_loaded) {
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取登录设备…", form.width);
    ui::RowGap(8);
    return;
  }
  for (const auto& d : s.sessions) session_row(form, d, s.revoking == d.id, out);
  ImGui::SetCursorPosX(form.x);
  if (ui::LinkButton("刷新列表")) out.load_sessions = true;
}

void delete_tab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.x);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kError));
  ImGui::TextUnformatted("温馨提示：账号注销将对您产生如下影响");
  ImGui::PopStyleColor();
  ui::RowGap(4);
  std::string all = "温馨提示：账号注销将对您产生如下影响。";
  const ImVec2 list_top = ImGui::GetCursorScreenPos();
  int number = 0;
  for (const char* line : kDeletionEffects) {
    // Hanging indent: the number on its own, the text wraps beside it.
    const std::string label = std::to_string(++number) + ".";
    ImGui::SetCursorPosX(form.x);
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(form.x + 22.0f, 0);
    ui::Note(line, form.width - 22.0f, ui::color::kText);
    ui::RowGap(2);
    all += label + line;
  }
  // The consequences are read out as one block before the form.
  a11y::Node n;
  n.role = a11y::Role::Status;
  n.label = "账号注销的影响";
  n.text = all;
  n.min = list_top;
  n.max = ImVec2(list_top.x + form.width, ImGui::GetItemRectMax().y);
  a11y::add(std::move(n));
  ui::RowGap(10);

  ImGui::SetCursorPosX(form.x);
  ui::Checkbox("我已阅读并知晓上述影响", &s.understood);
  ui::RowGap(10);
  if (!s.understood) return;

  std::string_view id_msg = s.delete_id_number.empty() ? message_zh(ErrorCode::IdNumberEmpty) : std::string_view();
  std::string_view code_msg = s.delete_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "证件号码";
  spec.hint = "请输入本账号的完整证件号码";
  spec.field = "id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  row(form, spec, s.delete_id_number, ShownError(s.delete_id_number, id_msg, s.submitted));
  if (SmsCodeRow(ctx, s.delete_code, s.delete_sms, ShownError(s.delete_code, code_msg, s.submitted))) {
    s.delete_sms.error.clear();
    out.request_delete_sms = true;
  }
  if (s.delete_sms.info.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("验证码将发送到账号绑定的手机号码。", form.field_w());
  }
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("确认注销", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    out.delete_account = all_ok_or_focus({{id_msg, &s.delete_id_number}, {code_msg, &s.delete_code}});
  }
}

}  // namespace

void CentrePage(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "个人中心", "退出登录") && !s.busy) out.sign_out = true;
  if (!s.welcome.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.welcome, ui::Tone::Success, form.width);
    ui::RowGap(8);
  }
  int tab = s.tab;
  // 我的消息 with the unread count once it is known ("我的消息（2）").
  const char* labels[kTabCount];
  for (int i = 0; i < kTabCount; ++i) labels[i] = kTabs[i];
  std::string messages_label;
  if (s.relations.unread > 0) {
    messages_label = std::string(kTabs[CentreState::kMessages]) + "（" + std::to_string(s.relations.unread) + "）";
    labels[CentreState::kMessages] = messages_label.c_str();
  }
  if (s.relations.unread < 0 && !s.relations.messages_loading) out.relations.load_messages = true;
  if (TabRow(form, labels, kTabCount, &tab)) {
    s.tab = tab;
    s.welcome.clear();
    s.submitted = false;
    s.error.clear();
    s.success.clear();
    if (tab == CentreState::kSessions) s.sessions_loaded = false;  // always a fresh list
    if (tab == CentreState::kInfo) s.me_loaded = s.profile_loaded = s.editing = false;
    if (tab == CentreState::kSecurity) s.security_loaded = false;
    if (tab == CentreState::kAddresses) s.addresses_loaded = false;
    if (tab == CentreState::kAuthorized) s.authorized_loaded = false;  // always a fresh list
    if (tab == CentreState::kMessages) s.relations.messages_loaded = false;
    else out.relations.load_messages = true;  // the unread count on the tab stays current
    if (tab == CentreState::kRelatives) s.relations.relatives_loaded = false;
    if (tab == CentreState::kDelegations) s.relations.delegations_loaded = false;
    if (tab == CentreState::kAgentGrants) s.grants_loaded = false;
  }
  ui::RowGap(16);
  switch (s.tab) {
    case CentreState::kInfo: info_tab(ctx, s, out); break;
    case CentreState::kPassword: password_tab(ctx, s, out); break;
    case CentreState::kPhone: phone_tab(ctx, s, out); break;
    case CentreState::kSessions: sessions_tab(ctx, s, out); break;
    case CentreState::kSecurity: CentreSecurityTab(ctx, s, out); break;
    case CentreState::kAddresses: CentreAddressesTab(ctx, s, out); break;
    case CentreState::kAuthorized: CentreAuthorizedTab(ctx, s, out); break;
    case CentreState::kMessages: CentreMessagesTab(ctx, s, out.relations); break;
    case CentreState::kRelatives: CentreRelativesTab(ctx, s, out.relations); break;
    case CentreState::kDelegations: CentreDelegationsTab(ctx, s, out.relations); break;
    case CentreState::kAgentGrants: CentreAgentGrantsTab(ctx, s, out); break;
    default: delete_tab(ctx, s, out); break;
  }
  ui::RowGap(10);
  if (!s.error.empty() || !s.success.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.error.empty() ? s.success : s.error, s.error.empty() ? ui::Tone::Success : ui::Tone::Error,
                   form.field_w());
  }
}

namespace {
// How a person reaches a rung, as the sentence names it (LevelRung::proofs).
const char* proof_words(std::string_view proof) {
  if (proof == "face") return "人脸识别";
  if (proof == "bank_card") return "银行卡验证";
  if (proof == "ca_certificate") return "数字证书认证";
  return nullptr;
}
}  // namespace

std::string LevelExplanation(const Profile& profile, int level) {
  std::string text;
  switch (level) {
    case 1: text = "已注册，姓名与证件号码尚未通过公安部门核验"; break;
    case 2: text = "姓名与证件号码已通过公安部门核验"; break;
    case 3: text = "已通过人脸识别或银行卡验证核验为本人"; break;
    case 4: text = "已通过数字证书认证核验为本人"; break;
    default: return "";
  }
  // The next rung up the profile's ladder and what reaches it.
  const LevelRung* next = nullptr;
  for (const auto& rung : profile.levels)
    if (rung.level > level && (!next || rung.level < next->level)) next = &rung;
  if (!next) return text + "，是最高的实名等级。";
  const char* how = nullptr;
  for (const auto& proof : next->proofs)
    if ((how = proof_words(proof))) break;
  if (!how) return text + "。";
  return text + "；完成" + how + "后可升为" + next->name + "。";
}

std::string DeviceName(const std::string& ua) {
  auto has = [&](const char* s) { return ua.find(s) != std::string::npos; };
  // Order matters: Edge and most Android browsers also say "Chrome", Chrome also says "Safari".
  const char* browser = has("MicroMessenger") ? "微信"
                        : has("Edg/")         ? "Edge 浏览器"
                        : has("Firefox/")     ? "Firefox 浏览器"
                        : has("Chrome/")      ? "Chrome 浏览器"
                        : has("Safari/")      ? "Safari 浏览器"
                                              : "";
  const char* os = has("Android")                      ? "Android"
                   : has("iPhone") || has("iPad")      ? "iOS"
                   : has("Windows")                    ? "Windows"
                   : has("Mac OS X") || has("Macintosh") ? "macOS"
                   : has("Linux")                      ? "Linux"
                                                       : "";
  if (!*browser) return *os ? std::string("其他应用 · ") + os : "其他设备或应用";
  std::string out = browser;
  if (*os) out += std::string(" · ") + os;
  return out;
}

std::string LocalTime(const std::string& rfc3339) {
  std::tm tm{};
  if (std::sscanf(rfc3339.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                  &tm.tm_sec) != 6)
    return rfc3339;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t t = timegm(&tm);  // the server sends UTC; people read their own clock
  std::tm local{};
  localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
  return buf;
}

bool CentreSetServerError(CentreState& s, const std::string& field, const std::string& message) {
  ui::Field* f = nullptr;
  if (field == "old_password") f = &s.old_password;
  else if (field == "new_password") f = s.tab == CentreState::kPassword ? &s.new_password : nullptr;
  else if (field == "password")
    f = s.tab != CentreState::kSecurity ? &s.phone_password
        : s.email_submitted             ? &s.email_password
                                        : &s.questions_password;
  else if (field == "email") f = &s.email;
  else if (field == "email_code") f = &s.email_code;
  else if (field == "questions" || field == "answers") f = &s.answers[0];
  else if (field == "new_phone" || (field == "phone" && s.tab == CentreState::kPhone)) f = &s.new_phone;
  else if (field == "phone" && s.tab == CentreState::kAddresses) f = &s.addr_phone;
  else if (field == "recipient") f = &s.addr_recipient;
  else if (field == "name") f = &s.edit_name;
  else if (field == "id_valid_from") f = &s.edit_valid_from;
  else if (field == "id_valid_to") f = &s.edit_valid_to;
  else if (field == "work_unit") f = &s.edit_work_unit;
  else if (field == "contact_address") f = &s.edit_contact_address;
  else if (field == "postcode" && s.tab == CentreState::kInfo) f = &s.edit_postcode;
  else if (field == "region") f = &s.addr_region;
  else if (field == "detail") f = &s.addr_detail;
  else if (field == "postcode") f = &s.addr_postcode;
  else if (field == "captcha_answer") f = &s.captcha;
  else if (field == "sms_code") f = s.tab == CentreState::kDelete ? &s.delete_code : &s.sms_code;
  else if (field == "id_number") f = &s.delete_id_number;
  if (!f) return false;
  f->server_error = message;
  f->focus_request = true;
  return true;
}

}  // namespace uia::web
