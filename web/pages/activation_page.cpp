#include "pages/activation_page.h"

#include "api/error_code.h"
#include "ids/resident_id.h"
#include "json.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "policy/date.h"
#include "policy/person_name.h"
#include "profile/profile_notes.h"

namespace uia::web {
namespace {

const char* const kSteps[] = {"验证身份", "设置账号", "激活完成"};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

std::optional<Date> user_date(const ui::Field& f) { return parse_date(f.str(), /*compact=*/true); }

// A labelled field with its message under it; true when edited.
bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

void verify_step(const PageContext& ctx, ActivationState& s, ActivationActions& out) {
  const ui::Form& form = ctx.form;
  // Imports may hold other documents (passports, permits): only an 18-character number is
  // checked as a resident ID here, the server judges the rest.
  std::string_view id_msg;
  if (s.id_number.empty())
    id_msg = message_zh(ErrorCode::IdNumberEmpty);
  else if (s.id_number.str().size() == 18)
    id_msg = msg(check_resident_id(s.id_number.str(), ctx.today));
  std::string_view phone_msg = msg(check_phone(s.phone.str()));
  std::string_view name_msg = s.ask_name ? msg(check_person_name(s.name.str())) : std::string_view();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();

  ImGui::SetCursorPosX(form.x);
  ui::Note("请填写导入时登记的证件号码和本人手机号码。更换了手机号码的，还需填写姓名以核验身份。", form.width);
  ui::RowGap(10);

  ui::TextFieldSpec spec;
  spec.label = "证件号码";
  spec.hint = "请输入居民身份证号码";
  spec.field = "id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  row(form, spec, s.id_number, ShownError(s.id_number, id_msg, s.submitted));

  if (s.ask_name) {
    spec = {};
    spec.label = "用户姓名";
    spec.hint = "请输入证件上的姓名";
    spec.field = "name";
    row(form, spec, s.name, ShownError(s.name, name_msg, s.submitted));
  }

  spec = {};
  spec.label = "手机号码";
  spec.hint = "请输入手机号码";
  spec.field = "phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  row(form, spec, s.phone, ShownError(s.phone, phone_msg, s.submitted));

  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, false)))
    out.refresh_captcha = true;

  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, code_msg, s.submitted))) {
    s.sms.error.clear();
    if (phone_msg.empty() && captcha_msg.empty()) {
      out.request_sms = true;
    } else {
      s.phone.visited = s.captcha.visited = true;
      (phone_msg.empty() ? s.captcha : s.phone).focus_request = true;
    }
  }

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    struct { std::string_view m; ui::Field* f; } order[] = {
        {id_msg, &s.id_number}, {name_msg, &s.name}, {phone_msg, &s.phone}, {code_msg, &s.sms_code}};
    bool ok = true;
    for (auto& o : order) {
      if (!o.m.empty()) {
        o.f->focus_request = true;
        ok = false;
        break;
      }
    }
    out.verify = ok;
  }
}

// The ID card's validity, asked only when the import lacked it; 长期有效 replaces the end date.
std::string_view validity_message(const ActivationState& s) {
  if (s.valid_from.empty() || (!s.long_term && s.valid_to.empty())) return message_zh(ErrorCode::IdValidityRequired);
  if (!user_date(s.valid_from) || (!s.long_term && !user_date(s.valid_to))) return message_zh(ErrorCode::DateInvalid);
  return {};
}

void account_step(const PageContext& ctx, ActivationState& s, ActivationActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.loaded) {
    if (!s.loading && s.error.empty()) out.load = true;
    ImGui::SetCursorPosX(form.field_x());
    if (s.error.empty()) ui::Note("正在读取待激活账号的信息…", form.field_w());
    ui::RowGap(8);
    return;
  }
  // What the import holds (masked): the person sees whose account this is.
  ReadOnlyRow(form, "用户姓名", s.masked_name);
  ReadOnlyRow(form, "证件号码", s.masked_id_number);
  ReadOnlyRow(form, "手机号码", s.masked_phone);

  // An account name only where the profile lets the person pick one (account.mode).
  const Profile& profile = *ctx.profile;
  const bool asks_account = profile.account_mode == "user_chosen";
  std::string_view account_msg =
      asks_account ? msg(check_account_name(s.account.str(), profile.account_name)) : std::string_view();
  std::string_view password_msg = msg(check_password(s.password.str(), s.account.str(), profile.password, s.name.str()));
  std::string_view confirm_msg = s.confirm.empty() ? message_zh(ErrorCode::PasswordEmpty)
                                 : s.confirm.str() != s.password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                       : std::string_view();
  std::string_view validity_msg = s.needs_validity ? validity_message(s) : std::string_view();

  ui::TextFieldSpec spec;
  if (asks_account) {
    const std::string account_hint = AccountRuleHint(profile.account_name);
    spec.label = "用户账号";
    spec.hint = account_hint.c_str();
    spec.field = "account";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank;
    row(form, spec, s.account, ShownError(s.account, account_msg, s.submitted));
  } else {
    // A status box (not a plain note) so screen readers hear what signs in instead.
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(login_name_note(profile), ui::Tone::Info, form.field_w());
    ui::RowGap(10);
  }

  spec = {};
  spec.label = "设置密码";
  spec.hint = "请设置登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, profile.password, spec, s.password, ShownError(s.password, password_msg, s.submitted));

  spec = {};
  spec.label = "确认密码";
  spec.hint = "请再次输入密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  row(form, spec, s.confirm, ShownError(s.confirm, confirm_msg, s.submitted));

  if (s.needs_validity) {
    spec = {};
    spec.label = "有效期开始日期";
    spec.hint = "YYYY-MM-DD";
    spec.field = "id_valid_from";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank;
    ui::TextField(form, spec, s.valid_from, !s.valid_from.server_error.empty());
    ui::RowGap();
    if (!s.long_term) {
      spec = {};
      spec.label = "有效期结束日期";
      spec.hint = "YYYY-MM-DD";
      spec.field = "id_valid_to";
      spec.flags = ImGuiInputTextFlags_CharsNoBlank;
      ui::TextField(form, spec, s.valid_to, !s.valid_to.server_error.empty());
      ui::RowGap(6);
    }
    ImGui::SetCursorPosX(form.field_x());
    if (ui::Checkbox("长期有效", &s.long_term)) s.valid_to.server_error.clear();
    const bool touched = s.valid_from.dirty || s.valid_to.dirty || s.valid_from.visited || s.valid_to.visited;
    std::string_view vm = !s.valid_from.server_error.empty() ? std::string_view(s.valid_from.server_error)
                          : !s.valid_to.server_error.empty() ? std::string_view(s.valid_to.server_error)
                          : (touched || s.submitted) ? validity_msg : std::string_view();
    ui::FieldError(form, vm, "id_valid_to");
  }

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("激活", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    struct { std::string_view m; ui::Field* f; } order[] = {
        {account_msg, &s.account}, {password_msg, &s.password}, {confirm_msg, &s.confirm}, {validity_msg, &s.valid_from}};
    bool ok = true;
    for (auto& o : order) {
      if (!o.m.empty()) {
        o.f->focus_request = true;
        ok = false;
        break;
      }
    }
    out.finish = ok;
  }
}

void done_step(const ui::Form& form, ActivationState& s, ActivationActions& out) {
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox(s.success.empty() ? "账号已激活" : s.success, ui::Tone::Success, form.field_w());
  ui::RowGap(14);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("去登录", ImVec2(form.field_w(), 40))) out.go_login = true;
}

}  // namespace

void ActivationPage(const PageContext& ctx, ActivationState& s, ActivationActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "账号激活", "返回登录")) out.go_login = true;
  StepIndicator(form, kSteps, 3, s.step);
  ui::RowGap(12);
  switch (s.step) {
    case ActivationState::kVerify: verify_step(ctx, s, out); break;
    case ActivationState::kAccount: account_step(ctx, s, out); break;
    default: done_step(form, s, out); return;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

std::string ActivationVerifyBody(const ActivationState& s, Date today) {
  JsonObject o;
  std::string number(s.id_number.str());
  if (auto id = parse_resident_id(number, today)) number = id->number;  // trailing x -> X
  o.add("id_number", number).add("phone", s.phone.str()).add("sms_code", s.sms_code.str());
  if (s.ask_name) o.add("name", s.name.str());
  return o.str();
}

std::string ActivationAccountBody(const ActivationState& s, const Profile& profile) {
  JsonObject o;
  if (profile.account_mode == "user_chosen") o.add("account", s.account.str());
  o.add("password", s.password.str());
  if (s.needs_validity) {
    if (auto from = user_date(s.valid_from)) o.add("id_valid_from", format_date(*from));
    if (s.long_term)
      o.add("id_valid_to", "long_term");
    else if (auto to = user_date(s.valid_to))
      o.add("id_valid_to", format_date(*to));
  }
  return o.str();
}

bool ActivationSetServerError(ActivationState& s, const std::string& field, const std::string& message) {
  if (field == "name") s.ask_name = true;  // the server asks for the name: show the field
  struct { const char* name; ui::Field* f; } map[] = {
      {"id_number", &s.id_number}, {"phone", &s.phone}, {"name", &s.name}, {"sms_code", &s.sms_code},
      {"captcha_answer", &s.captcha}, {"account", &s.account}, {"password", &s.password},
      {"id_valid_from", &s.valid_from}, {"id_valid_to", &s.valid_to}};
  for (auto& m : map) {
    if (field == m.name) {
      m.f->server_error = message;
      m.f->focus_request = true;
      return true;
    }
  }
  return false;
}

}  // namespace uia::web
