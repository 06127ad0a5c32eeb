#include "pages/enterprise_activation_page.h"

#include "api/error_code.h"
#include "json.h"
#include "pages/enterprise_fields.h"
#include "pages/enterprise_register_page.h"
#include "pages/password_meter.h"
#include "policy/account.h"
#include "policy/contact.h"

namespace uia::web {
namespace {

using S = EnterpriseActivationState;
const char* const kSteps[] = {"企业信息", "短信验证", "设置账号"};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

// Focus on the first field with a message; true when there is none.
bool ok_or_focus(std::initializer_list<std::pair<std::string_view, ui::Field*>> checks) {
  for (const auto& c : checks) {
    if (!c.first.empty()) {
      c.second->focus_request = true;
      return false;
    }
  }
  return true;
}

void info(const PageContext& ctx, S& s, EnterpriseActivationActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("企业信息已由工商登记导入但尚未开通账号时，请填写与工商登记一致的企业信息完成激活。", form.field_w());
  ui::RowGap(8);
  const std::string_view uscc_msg = UsccMessage(s.uscc.str());
  const std::string_view name_msg = EnterpriseNameMessage(s.name.str());
  const std::string_view rep_msg = RepNameMessage(s.rep_name.str());
  const std::string_view id_msg = RepIdNumberMessage(0, s.rep_id_number.str(), ctx.today);
  const std::string_view phone_msg = msg(check_phone(s.phone.str()));
  const std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "统一社会信用代码";
  spec.hint = "18位统一社会信用代码";
  spec.field = "uscc";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.uscc, uscc_msg, s.submitted);
  spec = {};
  spec.label = "法人名称";
  spec.hint = "请输入与营业执照一致的名称";
  spec.field = "name";
  CheckedRow(form, spec, s.name, name_msg, s.submitted);
  spec = {};
  spec.label = "法定代表人姓名";
  spec.hint = "请输入法定代表人姓名";
  spec.field = "legal_rep_name";
  CheckedRow(form, spec, s.rep_name, rep_msg, s.submitted);
  spec = {};
  spec.label = "法定代表人证件号码";
  spec.hint = "请输入法定代表人身份证号码";
  spec.field = "legal_rep_id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.rep_id_number, id_msg, s.submitted);
  spec = {};
  spec.label = "手机号码";
  spec.hint = "激活后用作法人联系手机";
  spec.field = "phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  CheckedRow(form, spec, s.phone, phone_msg, s.submitted);
  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, s.submitted)))
    out.refresh_captcha = true;
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    if (ok_or_focus({{uscc_msg, &s.uscc}, {name_msg, &s.name}, {rep_msg, &s.rep_name}, {id_msg, &s.rep_id_number},
                     {phone_msg, &s.phone}, {captcha_msg, &s.captcha}}))
      out.start = true;
  }
}

void sms(const PageContext& ctx, S& s, EnterpriseActivationActions& out) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox("验证码已发送至 " + s.masked_phone + "，请输入短信验证码。", ui::Tone::Info, form.field_w());
  ui::RowGap(12);
  const std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "短信验证码";
  spec.hint = "请输入验证码";
  spec.field = "sms_code";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  CheckedRow(form, spec, s.sms_code, code_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    if (ok_or_focus({{code_msg, &s.sms_code}})) out.verify = true;
  }
}

void account(const PageContext& ctx, S& s, EnterpriseActivationActions& out) {
  const ui::Form& form = ctx.form;
  const std::string_view account_msg = msg(check_account_name(s.account.str(), ctx.profile->account_name));
  const std::string_view pw_msg = msg(check_password(s.password.str(), s.account.str(), ctx.profile->password));
  const std::string_view confirm_msg = s.confirm.empty()                      ? message_zh(ErrorCode::PasswordEmpty)
                                       : s.confirm.str() != s.password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                              : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "法人账号";
  const std::string account_hint = AccountRuleHint(ctx.profile->account_name);
  spec.hint = account_hint.c_str();
  spec.field = "account";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  CheckedRow(form, spec, s.account, account_msg, s.submitted);
  spec = {};
  spec.label = "设置密码";
  spec.hint = "请设置登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.password, ShownError(s.password, pw_msg, s.submitted));
  PasswordStrengthRow(form, s.password.str(), ctx.profile->password, s.account.str());
  spec = {};
  spec.label = "确认密码";
  spec.hint = "请再次输入密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.confirm, confirm_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("激活", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    if (ok_or_focus({{account_msg, &s.account}, {pw_msg, &s.password}, {confirm_msg, &s.confirm}})) out.finish = true;
  }
}

}  // namespace

void EnterpriseActivationPage(const PageContext& ctx, EnterpriseActivationState& s, EnterpriseActivationActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "企业账号激活", "返回登录")) out.go_login = true;
  StepIndicator(form, kSteps, 3, s.step == S::kDone ? 2 : s.step);
  ui::RowGap(12);
  switch (s.step) {
    case S::kInfo: info(ctx, s, out); break;
    case S::kSms: sms(ctx, s, out); break;
    case S::kAccount: account(ctx, s, out); break;
    default:
      ImGui::SetCursorPosX(form.field_x());
      if (s.status == "unverified")
        ui::MessageBox(EnterpriseUnverifiedText(), ui::Tone::Info, form.field_w());
      else
        ui::MessageBox("企业账号已激活，请使用法人账号或统一社会信用代码登录。", ui::Tone::Success, form.field_w());
      ui::RowGap(12);
      ImGui::SetCursorPosX(form.field_x());
      if (ui::PrimaryButton("去法人登录", ImVec2(form.field_w(), 40))) out.go_login = true;
      return;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

std::string EnterpriseActivationStartBody(const EnterpriseActivationState& s) {
  JsonObject o;
  o.add("uscc", s.uscc.str())
      .add("name", s.name.str())
      .add("legal_rep_name", s.rep_name.str())
      .add("legal_rep_id_number", RepIdNumberForRequest(0, s.rep_id_number.str()))
      .add("phone", s.phone.str())
      .add("captcha_id", s.captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  return o.str();
}

std::string EnterpriseActivationSmsBody(const EnterpriseActivationState& s) {
  JsonObject o;
  o.add("phone", s.phone.str()).add("sms_code", s.sms_code.str());
  return o.str();
}

std::string EnterpriseActivationAccountBody(const EnterpriseActivationState& s) {
  JsonObject o;
  o.add("account", s.account.str()).add("password", s.password.str());
  return o.str();
}

bool EnterpriseActivationSetServerError(EnterpriseActivationState& s, const std::string& field, const std::string& message) {
  struct { const char* name; ui::Field* f; int step; } map[] = {
      {"uscc", &s.uscc, S::kInfo},         {"name", &s.name, S::kInfo},
      {"legal_rep_name", &s.rep_name, S::kInfo}, {"legal_rep_id_number", &s.rep_id_number, S::kInfo},
      {"phone", &s.phone, S::kInfo},       {"captcha_answer", &s.captcha, S::kInfo},
      {"sms_code", &s.sms_code, S::kSms},  {"account", &s.account, S::kAccount},
      {"password", &s.password, S::kAccount}};
  for (auto& m : map) {
    if (field == m.name && s.step >= m.step) {
      m.f->server_error = message;
      m.f->focus_request = true;
      s.step = m.step;
      return true;
    }
  }
  return false;
}

}  // namespace uia::web
