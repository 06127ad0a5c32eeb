#include "pages/recovery_page.h"

#include "api/error_code.h"
#include "ids/resident_id.h"
#include "json.h"
#include "policy/account.h"
#include "policy/person_name.h"

namespace uia::web {
namespace {

const char* const kSteps[] = {"填写用户信息", "短信验证", "设置新密码"};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

// The first field whose message is not empty gets keyboard focus; true when all are fine.
template <size_t N>
bool all_ok_or_focus(std::string_view (&messages)[N], ui::Field* (&fields)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (!messages[i].empty()) {
      fields[i]->focus_request = true;
      return false;
    }
  }
  return true;
}

void identify_step(const PageContext& ctx, RecoveryState& s, RecoveryActions& out) {
  const ui::Form& form = ctx.form;
  std::string_view name_msg = msg(check_person_name(s.name.str()));
  std::string_view id_msg = s.id_number.empty() ? message_zh(ErrorCode::IdNumberEmpty)
                            : s.id_number.str().size() == 18 ? msg(check_resident_id(s.id_number.str(), ctx.today))
                                                             : std::string_view();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();

  ui::TextFieldSpec spec;
  spec.label = "用户姓名";
  spec.hint = "请输入证件上的姓名";
  spec.field = "name";
  row(form, spec, s.name, ShownError(s.name, name_msg, s.submitted));

  spec = {};
  spec.label = "证件号码";
  spec.hint = "请输入注册时使用的证件号码";
  spec.field = "id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  row(form, spec, s.id_number, ShownError(s.id_number, id_msg, s.submitted));

  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, s.submitted)))
    out.refresh_captcha = true;

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    std::string_view m[] = {name_msg, id_msg, captcha_msg};
    ui::Field* f[] = {&s.name, &s.id_number, &s.captcha};
    out.identify = all_ok_or_focus(m, f);
  }
}

void sms_step(const PageContext& ctx, RecoveryState& s, RecoveryActions& out) {
  const ui::Form& form = ctx.form;
  std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();
  ReadOnlyRow(form, "手机号码", s.masked_phone);
  if (s.sms.info.empty()) {  // once sent, the line under the code says where it went
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("验证码将发送到账号绑定的上述手机号码。", form.field_w());
    ui::RowGap(8);
  }
  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, code_msg, s.submitted))) {
    s.sms.error.clear();
    out.request_sms = true;
  }
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40), s.busy) || (s.sms_code.enter && !s.busy)) {
    s.submitted = true;
    s.error.clear();
    if (code_msg.empty()) {
      s.step = RecoveryState::kPassword;  // the code is checked together with the new password
      s.submitted = false;
    } else {
      s.sms_code.focus_request = true;
    }
  }
}

void password_step(const PageContext& ctx, RecoveryState& s, RecoveryActions& out) {
  const ui::Form& form = ctx.form;
  // The account name is not known here (only the server has it): the rules that need it are
  // checked by the server.
  std::string_view pw_msg = msg(check_password(s.password.str(), ""));
  std::string_view confirm_msg = s.confirm.empty() ? message_zh(ErrorCode::PasswordEmpty)
                                 : s.confirm.str() != s.password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                       : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "新密码";
  spec.hint = "请设置新密码";
  spec.field = "new_password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, spec, s.password, ShownError(s.password, pw_msg, s.submitted));

  spec = {};
  spec.label = "确认新密码";
  spec.hint = "请再次输入新密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  row(form, spec, s.confirm, ShownError(s.confirm, confirm_msg, s.submitted));

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("确定", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    std::string_view m[] = {pw_msg, confirm_msg};
    ui::Field* f[] = {&s.password, &s.confirm};
    out.finish = all_ok_or_focus(m, f);
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::LinkButton("上一步")) s.step = RecoveryState::kSms;
}

}  // namespace

void RecoveryPage(const PageContext& ctx, RecoveryState& s, RecoveryActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "找回密码", "返回登录")) out.go_login = true;
  StepIndicator(form, kSteps, 3, s.step < 3 ? s.step : 2);
  ui::RowGap(12);
  switch (s.step) {
    case RecoveryState::kIdentify: identify_step(ctx, s, out); break;
    case RecoveryState::kSms: sms_step(ctx, s, out); break;
    case RecoveryState::kPassword: password_step(ctx, s, out); break;
    default:
      ImGui::SetCursorPosX(form.field_x());
      ui::MessageBox("密码已重置，原有的登录均已退出，请使用新密码登录", ui::Tone::Success, form.field_w());
      ui::RowGap(14);
      ImGui::SetCursorPosX(form.field_x());
      if (ui::PrimaryButton("去登录", ImVec2(form.field_w(), 40))) out.go_login = true;
      return;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

std::string RecoveryIdentifyBody(const RecoveryState& s, Date today) {
  std::string number(s.id_number.str());
  if (auto id = parse_resident_id(number, today)) number = id->number;
  JsonObject o;
  o.add("name", s.name.str()).add("id_number", number).add("captcha_id", s.captcha_image.id)
      .add("captcha_answer", s.captcha.str());
  return o.str();
}

std::string RecoveryPasswordBody(const RecoveryState& s) {
  JsonObject o;
  o.add("sms_code", s.sms_code.str()).add("new_password", s.password.str());
  return o.str();
}

bool RecoverySetServerError(RecoveryState& s, const std::string& field, const std::string& message) {
  struct { const char* name; ui::Field* f; int step; } map[] = {
      {"name", &s.name, RecoveryState::kIdentify}, {"id_number", &s.id_number, RecoveryState::kIdentify},
      {"captcha_answer", &s.captcha, RecoveryState::kIdentify}, {"sms_code", &s.sms_code, RecoveryState::kSms},
      {"new_password", &s.password, RecoveryState::kPassword}};
  for (auto& m : map) {
    if (field == m.name) {
      m.f->server_error = message;
      m.f->focus_request = true;
      if (s.step > m.step) s.step = m.step;
      return true;
    }
  }
  return false;
}

}  // namespace uia::web
