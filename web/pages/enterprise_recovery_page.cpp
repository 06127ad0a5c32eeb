#include "pages/enterprise_recovery_page.h"

#include "api/error_code.h"
#include "json.h"
#include "pages/enterprise_fields.h"
#include "pages/password_meter.h"
#include "policy/account.h"

namespace uia::web {
namespace {

using S = EnterpriseRecoveryState;
const char* const kSteps[] = {"确认账号", "短信验证", "设置新密码"};

void identify(const PageContext& ctx, S& s, EnterpriseRecoveryActions& out) {
  const ui::Form& form = ctx.form;
  std::string_view id_msg = s.identifier.empty() ? std::string_view("请输入法人账号或统一社会信用代码") : std::string_view();
  std::string_view name_msg = RepNameMessage(s.rep_name.str());
  std::string_view number_msg = RepIdNumberMessage(0, s.rep_id_number.str(), ctx.today);
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "法人账号";
  spec.hint = "法人账号或统一社会信用代码";
  spec.field = "identifier";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  CheckedRow(form, spec, s.identifier, id_msg, s.submitted);
  spec = {};
  spec.label = "法定代表人姓名";
  spec.hint = "请输入法定代表人姓名";
  spec.field = "legal_rep_name";
  CheckedRow(form, spec, s.rep_name, name_msg, s.submitted);
  spec = {};
  spec.label = "法定代表人证件号码";
  spec.hint = "请输入法定代表人身份证号码";
  spec.field = "legal_rep_id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.rep_id_number, number_msg, s.submitted);
  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, s.submitted)))
    out.refresh_captcha = true;
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    struct { std::string_view m; ui::Field* f; } order[] = {
        {id_msg, &s.identifier}, {name_msg, &s.rep_name}, {number_msg, &s.rep_id_number}, {captcha_msg, &s.captcha}};
    bool ok = true;
    for (auto& o : order) {
      if (!o.m.empty()) {
        o.f->focus_request = true;
        ok = false;
        break;
      }
    }
    if (ok) out.identify = true;
  }
}

void sms(const PageContext& ctx, S& s) {
  const ui::Form& form = ctx.form;
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox("验证码已发送至法人预留手机号码 " + s.masked_phone + "，请输入短信验证码。", ui::Tone::Info, form.field_w());
  ui::RowGap(12);
  ReadOnlyRow(form, "预留手机号码", s.masked_phone);
  std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "短信验证码";
  spec.hint = "请输入验证码";
  spec.field = "sms_code";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  CheckedRow(form, spec, s.sms_code, code_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40)) || s.sms_code.enter) {
    s.submitted = true;
    s.error.clear();
    if (code_msg.empty()) {
      s.step = S::kPassword;  // the server checks the code together with the new password
      s.submitted = false;
    } else {
      s.sms_code.focus_request = true;
    }
  }
}

void new_password(const PageContext& ctx, S& s, EnterpriseRecoveryActions& out) {
  const ui::Form& form = ctx.form;
  Verdict v = check_password(s.password.str(), "", ctx.profile->password);
  std::string_view pw_msg = v.ok() ? std::string_view() : v.message_zh();
  std::string_view confirm_msg = s.confirm.empty()                      ? message_zh(ErrorCode::PasswordEmpty)
                                 : s.confirm.str() != s.password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                        : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "新密码";
  spec.hint = "请设置新密码";
  spec.field = "new_password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.password, ShownError(s.password, pw_msg, s.submitted));
  PasswordStrengthRow(form, s.password.str(), ctx.profile->password);
  spec = {};
  spec.label = "确认新密码";
  spec.hint = "请再次输入新密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.confirm, confirm_msg, s.submitted);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("保存", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    if (pw_msg.empty() && confirm_msg.empty())
      out.finish = true;
    else
      (pw_msg.empty() ? s.confirm : s.password).focus_request = true;
  }
}

}  // namespace

void EnterpriseRecoveryPage(const PageContext& ctx, EnterpriseRecoveryState& s, EnterpriseRecoveryActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "法人找回密码", "返回登录")) out.go_login = true;
  StepIndicator(form, kSteps, 3, s.step == S::kDone ? 2 : s.step);
  ui::RowGap(12);
  switch (s.step) {
    case S::kIdentify: identify(ctx, s, out); break;
    case S::kSms: sms(ctx, s); break;
    case S::kPassword: new_password(ctx, s, out); break;
    default:
      ImGui::SetCursorPosX(form.field_x());
      ui::MessageBox("密码已重置，请使用新密码进行法人登录。", ui::Tone::Success, form.field_w());
      ui::RowGap(12);
      ImGui::SetCursorPosX(form.field_x());
      if (ui::PrimaryButton("去法人登录", ImVec2(form.field_w(), 40))) out.go_login = true;
      return;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

std::string EnterpriseRecoveryIdentifyBody(const EnterpriseRecoveryState& s) {
  JsonObject o;
  o.add("identifier", s.identifier.str())
      .add("legal_rep_name", s.rep_name.str())
      .add("legal_rep_id_number", RepIdNumberForRequest(0, s.rep_id_number.str()))
      .add("captcha_id", s.captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  return o.str();
}

std::string EnterpriseRecoveryPasswordBody(const EnterpriseRecoveryState& s) {
  JsonObject o;
  o.add("sms_code", s.sms_code.str()).add("new_password", s.password.str());
  return o.str();
}

bool EnterpriseRecoverySetServerError(EnterpriseRecoveryState& s, const std::string& field, const std::string& message) {
  struct { const char* name; ui::Field* f; int step; } map[] = {
      {"identifier", &s.identifier, S::kIdentify},       {"legal_rep_name", &s.rep_name, S::kIdentify},
      {"legal_rep_id_number", &s.rep_id_number, S::kIdentify}, {"captcha_answer", &s.captcha, S::kIdentify},
      {"sms_code", &s.sms_code, S::kSms},                {"new_password", &s.password, S::kPassword}};
  for (auto& m : map) {
    if (field == m.name) {
      m.f->server_error = message;
      m.f->focus_request = true;
      s.step = m.step;
      return true;
    }
  }
  return false;
}

}  // namespace uia::web
