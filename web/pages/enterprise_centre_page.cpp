#include "pages/enterprise_centre_page.h"

#include <initializer_list>
#include <utility>

#include "a11y.h"
#include "api/error_code.h"
#include "json.h"
#include "pages/centre_page.h"
#include "pages/enterprise_fields.h"
#include "pages/password_meter.h"
#include "policy/account.h"
#include "policy/contact.h"

namespace uia::web {
namespace {

using S = EnterpriseCentreState;
// One entry per tab, in S::Tab order.
const char* const kTabs[] = {"企业信息", "法定代表人信息", "修改密码", "修改联系手机", "信息变更", "法定代表人变更", "经办人管理"};
constexpr int kTabCount = sizeof kTabs / sizeof kTabs[0];

const char* const kExtendedKeys[] = {"registered_address", "registered_capital", "established_date", "business_term",
                                     "business_scope",     "industry",           "business_status",  "registration_authority"};
const char* const kExtendedLabels[] = {"企业注册地址", "注册资本", "成立日期", "营业期限",
                                       "经营范围",     "行业类型", "企业状态", "登记机关"};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

bool ok_or_focus(std::initializer_list<std::pair<std::string_view, ui::Field*>> checks) {
  for (const auto& c : checks) {
    if (!c.first.empty()) {
      c.second->focus_request = true;
      return false;
    }
  }
  return true;
}

// Loads the enterprise when the tab needs it; false (and a note) while it is not there yet.
bool need_loaded(const ui::Form& form, S& s, EnterpriseCentreActions& out) {
  if (s.loaded) return true;
  if (!s.loading && s.error.empty()) out.load = true;
  ImGui::SetCursorPosX(form.field_x());
  if (s.error.empty()) ui::Note("正在读取企业信息…", form.field_w());
  ui::RowGap(8);
  return false;
}

void status_row(const ui::Form& form, const S& s) {
  ui::RowLabel(form, "实名状态", false);
  ImGui::AlignTextToFramePadding();
  const bool ok = s.status == "active";
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ok ? ui::color::kSuccess : ui::color::kError));
  ImGui::TextUnformatted(EnterpriseStatusText(s.status));
  ImGui::PopStyleColor();
  a11y::Node n;
  n.role = a11y::Role::Status;
  n.label = std::string("实名状态：") + EnterpriseStatusText(s.status);
  n.text = n.label;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  ui::RowGap(8);
}

void info_tab(const PageContext& ctx, S& s, EnterpriseCentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!need_loaded(form, s, out)) return;
  SectionTitle(form, "基本信息");
  ReadOnlyRow(form, "法人名称", s.name);
  ReadOnlyRow(form, "统一社会信用代码", s.uscc);
  ReadOnlyRow(form, "法人类型", OrgTypeLabel(*ctx.profile, s.org_type));
  ReadOnlyRow(form, "法人账号", s.account);
  ReadOnlyRow(form, "联系手机", s.phone);
  ReadOnlyRow(form, "注册时间", LocalTime(s.created_at));
  status_row(form, s);
  SectionTitle(form, "拓展信息（工商登记）");
  for (int i = 0; i < S::kExtendedCount; ++i) ReadOnlyRow(form, kExtendedLabels[i], s.extended[i]);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("拓展信息来自工商登记，如有变化请通过“信息变更”同步。为保护隐私，手机号码只显示部分内容。", form.field_w());
}

void rep_tab(const PageContext& ctx, S& s, EnterpriseCentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!need_loaded(form, s, out)) return;
  ReadOnlyRow(form, "法定代表人姓名", s.rep_name);
  ReadOnlyRow(form, "证件类型", RepIdTypeLabel(s.rep_id_type));
  ReadOnlyRow(form, "证件号码", s.rep_id_number);
  std::string validity;
  if (!s.rep_valid_from.empty())
    validity = s.rep_valid_from + " 至 " + (s.rep_valid_to == "long_term" ? std::string("长期") : s.rep_valid_to);
  ReadOnlyRow(form, "证件有效期", validity);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("为保护隐私，姓名和证件号码只显示部分内容。法定代表人发生变化时，请通过“法定代表人变更”办理。",
           form.field_w());
}

void password_tab(const PageContext& ctx, S& s, EnterpriseCentreActions& out) {
  const ui::Form& form = ctx.form;
  const std::string_view old_msg = s.old_password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view new_msg = msg(check_password(s.new_password.str(), s.account, ctx.profile->password));
  if (new_msg.empty() && s.new_password.str() == s.old_password.str()) new_msg = message_zh(ErrorCode::PasswordUnchanged);
  const std::string_view confirm_msg = s.confirm.empty()                          ? message_zh(ErrorCode::PasswordEmpty)
                                       : s.confirm.str() != s.new_password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                                  : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "原密码";
  spec.hint = "请输入当前的登录密码";
  spec.field = "old_password";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.old_password, old_msg, s.submitted);
  spec = {};
  spec.label = "新密码";
  spec.hint = "请设置新密码";
  spec.field = "new_password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.new_password, ShownError(s.new_password, new_msg, s.submitted));
  PasswordStrengthRow(form, s.new_password.str(), ctx.profile->password, s.account);
  spec = {};
  spec.label = "确认新密码";
  spec.hint = "请再次输入新密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.confirm, confirm_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("修改成功后，本企业在所有设备上的登录都将退出，请使用新密码重新登录。", form.field_w());
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("保存", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    out.change_password =
        ok_or_focus({{old_msg, &s.old_password}, {new_msg, &s.new_password}, {confirm_msg, &s.confirm}});
  }
}

// ①身份验证 (the login password) and ②新号码绑定 (a code to the new number) on one form.
void phone_tab(const PageContext& ctx, S& s, EnterpriseCentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!need_loaded(form, s, out)) return;
  ReadOnlyRow(form, "当前联系手机", s.phone);
  const std::string_view pw_msg = s.phone_password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  const std::string_view phone_msg = msg(check_phone(s.new_phone.str()));
  const std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  const std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "登录密码";
  spec.hint = "验证身份：请输入法人账号的登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.phone_password, pw_msg, s.submitted);
  spec = {};
  spec.label = "新手机号码";
  spec.hint = "请输入新的联系手机号码";
  spec.field = "new_phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  CheckedRow(form, spec, s.new_phone, phone_msg, s.submitted);
  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, false))) out.refresh_captcha = true;
  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, code_msg, s.submitted))) {
    s.sms.error.clear();
    if (phone_msg.empty() && captcha_msg.empty()) {
      out.request_phone_sms = true;
    } else {
      s.new_phone.visited = true;
      s.captcha.visited = true;
      (phone_msg.empty() ? s.captcha : s.new_phone).focus_request = true;
    }
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("确认修改", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    out.change_phone = ok_or_focus({{pw_msg, &s.phone_password}, {phone_msg, &s.new_phone}, {code_msg, &s.sms_code}});
  }
}

void change_info_tab(const PageContext& ctx, S& s, EnterpriseCentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!need_loaded(form, s, out)) return;
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("变更后的信息须与工商登记信息保持一致；统一社会信用代码不可更改。", form.field_w());
  ui::RowGap(8);
  ReadOnlyRow(form, "统一社会信用代码", s.uscc);
  OrgTypeRow(form, *ctx.profile, &s.change_org_type);
  const std::string_view name_msg = EnterpriseNameMessage(s.change_name.str());
  ui::TextFieldSpec spec;
  spec.label = "法人名称";
  spec.hint = "请输入与营业执照一致的名称";
  spec.field = "name";
  CheckedRow(form, spec, s.change_name, name_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("变更", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    out.change_info = ok_or_focus({{name_msg, &s.change_name}});
  }
}

void change_rep_tab(const PageContext& ctx, S& s, EnterpriseCentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!need_loaded(form, s, out)) return;
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("新法定代表人须已完成自然人实名注册，且与工商登记信息一致。", form.field_w());
  ui::RowGap(8);
  ReadOnlyRow(form, "当前法定代表人", s.rep_name);
  const std::string_view name_msg = RepNameMessage(s.new_rep_name.str());
  const std::string_view id_msg = RepIdNumberMessage(s.new_rep_id_type, s.new_rep_id_number.str(), ctx.today);
  ui::TextFieldSpec spec;
  spec.label = "新法定代表人姓名";
  spec.hint = "请输入新法定代表人姓名";
  spec.field = "legal_rep_name";
  CheckedRow(form, spec, s.new_rep_name, name_msg, s.submitted);
  ui::RowLabel(form, "证件类型", true);
  if (ui::Combo("证件类型", &s.new_rep_id_type, RepIdTypeLabels(), form.field_w()))
    s.new_rep_id_number.reset();
  ui::RowGap();
  spec = {};
  spec.label = "新法定代表人证件号码";
  spec.hint = "请输入证件号码";
  spec.field = "legal_rep_id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.new_rep_id_number, id_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("确认变更", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    out.change_rep = ok_or_focus({{name_msg, &s.new_rep_name}, {id_msg, &s.new_rep_id_number}});
  }
}

}  // namespace

void EnterpriseCentrePage(const PageContext& ctx, EnterpriseCentreState& s, EnterpriseCentreActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "法人中心", "退出登录") && !s.busy) out.sign_out = true;
  if (!s.welcome.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.welcome, ui::Tone::Success, form.width);
    ui::RowGap(8);
  }
  int tab = s.tab;
  if (TabRow(form, kTabs, kTabCount, &tab)) {
    s.tab = tab;
    s.welcome.clear();
    s.submitted = false;
    s.error.clear();
    s.success.clear();
    if (tab == S::kInfo || tab == S::kRep) s.loaded = false;  // always fresh
    if (tab == S::kAgents) {
      s.agents.loaded = s.agents.requests_loaded = false;
      s.agents.error.clear();
      s.agents.success.clear();
    }
    if (tab == S::kChangeInfo) {
      s.change_name.set(s.name);
      s.change_org_type = ui::CatalogueIndex(ctx.profile->organisation_types, s.org_type);
    }
  }
  ui::RowGap(16);
  switch (s.tab) {
    case S::kInfo: info_tab(ctx, s, out); break;
    case S::kRep: rep_tab(ctx, s, out); break;
    case S::kPassword: password_tab(ctx, s, out); break;
    case S::kPhone: phone_tab(ctx, s, out); break;
    case S::kChangeInfo: change_info_tab(ctx, s, out); break;
    case S::kAgents:
      s.agents.enterprise_id = s.enterprise_id;
      AgentsManageTab(ctx, s.agents, out.agents);
      break;
    default: change_rep_tab(ctx, s, out); break;
  }
  ui::RowGap(10);
  if (!s.error.empty() || !s.success.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.error.empty() ? s.success : s.error, s.error.empty() ? ui::Tone::Success : ui::Tone::Error,
                   form.field_w());
  }
}

const char* const* EnterpriseExtendedKeys() { return kExtendedKeys; }

void EnterpriseCentreLoad(const Profile& profile, EnterpriseCentreState& s,
                          const std::function<std::string(const std::string&)>& get) {
  s.account = get("account");
  s.uscc = get("uscc");
  s.name = get("name");
  s.org_type = get("org_type");
  s.status = get("status");
  s.registry_confirmed = get("registry_confirmed") == "true";
  s.phone = get("phone");
  s.created_at = get("created_at");
  s.rep_name = get("legal_rep.name");
  s.rep_id_type = get("legal_rep.id_type");
  s.rep_id_number = get("legal_rep.id_number");
  s.rep_valid_from = get("legal_rep.id_valid_from");
  s.rep_valid_to = get("legal_rep.id_valid_to");
  for (int i = 0; i < S::kExtendedCount; ++i) s.extended[i] = get(std::string("extended.") + kExtendedKeys[i]);
  s.loaded = true;
  if (s.change_name.empty()) {
    s.change_name.set(s.name);
    s.change_org_type = ui::CatalogueIndex(profile.organisation_types, s.org_type);
  }
}

std::string EnterprisePasswordBody(const EnterpriseCentreState& s) {
  JsonObject o;
  o.add("old_password", s.old_password.str()).add("new_password", s.new_password.str());
  return o.str();
}

std::string EnterprisePhoneBody(const EnterpriseCentreState& s) {
  JsonObject o;
  o.add("verify_by", "password")
      .add("password", s.phone_password.str())
      .add("new_phone", s.new_phone.str())
      .add("sms_code", s.sms_code.str());
  return o.str();
}

std::string EnterpriseInfoBody(const Profile& profile, const EnterpriseCentreState& s) {
  JsonObject o;
  o.add("name", s.change_name.str()).add("org_type", ui::CatalogueCode(profile.organisation_types, s.change_org_type));
  return o.str();
}

std::string EnterpriseRepBody(const EnterpriseCentreState& s) {
  JsonObject o;
  o.add("legal_rep_name", s.new_rep_name.str())
      .add("legal_rep_id_type", RepIdTypeName(s.new_rep_id_type))
      .add("legal_rep_id_number", RepIdNumberForRequest(s.new_rep_id_type, s.new_rep_id_number.str()));
  return o.str();
}

bool EnterpriseCentreSetServerError(EnterpriseCentreState& s, const std::string& field, const std::string& message) {
  ui::Field* f = nullptr;
  if (field == "old_password") f = &s.old_password;
  else if (field == "new_password") f = &s.new_password;
  else if (field == "password") f = &s.phone_password;
  else if (field == "new_phone" || field == "phone") f = &s.new_phone;
  else if (field == "captcha_answer" || field == "captcha_id") f = &s.captcha;
  else if (field == "sms_code") f = &s.sms_code;
  else if (field == "name" && s.tab == S::kChangeInfo) f = &s.change_name;
  else if (field == "legal_rep_name" && s.tab == S::kChangeRep) f = &s.new_rep_name;
  else if (field == "legal_rep_id_number" && s.tab == S::kChangeRep) f = &s.new_rep_id_number;
  if (!f) return false;
  f->server_error = message;
  f->focus_request = true;
  return true;
}

}  // namespace uia::web
