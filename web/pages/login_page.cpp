#include "pages/login_page.h"

#include <vector>

#include "api/error_code.h"
#include "api/validate.h"
#include "ids/documents.h"
#include "ids/id_types.h"
#include "ids/resident_id.h"
#include "policy/contact.h"

namespace uia::web {
namespace {

// How the password form names one identifier kind of profile.login_identifiers.
struct IdentifierWords {
  const char* tab;    // 账号
  const char* label;  // 用户账号
  const char* hint;   // 请输入用户账号
};

IdentifierWords words_for(const Profile& profile, std::string_view kind) {
  if (kind == "phone") return {"手机号", "手机号码", "请输入手机号码"};
  // account.mode "id_number" (003 2.1.2③): the ID number is the account: 账号（身份证号）.
  if (kind == "id_number")
    return {profile.account_mode == "id_number" ? "账号（身份证号）" : "身份证号", "身份证号码", "请输入身份证号码"};
  if (kind == "document") return {"证件号", "证件号码", "请输入证件号码"};
  return {"账号", "用户账号", "请输入用户账号"};
}

// True when `number` is a valid number of a document the profile registers (001 1.3.1: 证件号
// signs in by any document, as the server's find_by_identifier does).
bool any_document(const Profile& profile, std::string_view number, Date today) {
  const std::string normal = normalize_document_number(number);
  for (const auto& code : profile.person_id_types)
    if (const IdTypeInfo* type = find_id_type(code); type && check_document_number(type->kind, normal, today).ok())
      return true;
  return false;
}

// Login checks only what cannot be right (an existing account may predate today's naming
// policy, so the account name is not checked against it).
std::string_view identifier_message(const Profile& profile, std::string_view kind, const ui::Field& id, Date today) {
  if (kind == "phone") {
    Verdict v = check_phone(id.str());
    return v.ok() ? std::string_view() : v.message_zh();
  }
  if (kind == "id_number") {
    Verdict v = check_resident_id(id.str(), today);
    return v.ok() ? std::string_view() : v.message_zh();
  }
  if (kind == "document") {
    if (id.empty()) return message_zh(ErrorCode::DocumentNumberEmpty);
    return any_document(profile, id.str(), today) ? std::string_view() : message_zh(ErrorCode::DocumentNumberFormat);
  }
  return id.empty() ? message_zh(ErrorCode::AccountEmpty) : std::string_view();
}

void password_form(const PageContext& ctx, LoginState& s, LoginActions& out) {
  const ui::Form& form = ctx.form;
  const Profile& profile = *ctx.profile;
  // Which identifier: the kinds share one box on the server, the tab sets the checks.
  const std::vector<std::string>& kinds = profile.login_identifiers;
  if (!kinds.empty() && !profile_lists(kinds, s.method)) s.method = kinds.front();
  std::vector<IdentifierWords> words;
  std::vector<const char*> tabs;
  int method = 0;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    words.push_back(words_for(profile, kinds[i]));
    tabs.push_back(words.back().tab);
    if (kinds[i] == s.method) method = static_cast<int>(i);
  }
  if (tabs.size() > 1 && TabRow(form, tabs.data(), static_cast<int>(tabs.size()), &method)) {
    s.method = kinds[method];
    s.identifier.reset();
    s.error.clear();
  }
  ui::RowGap(14);
  const IdentifierWords shown = words.empty() ? words_for(profile, "account") : words[method];

  // Each field: check live, show the message once the user has typed or left the field.
  std::string_view id_msg = identifier_message(profile, s.method, s.identifier, ctx.today);
  std::string_view pw_msg = s.password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();

  ui::TextFieldSpec id_spec;
  id_spec.label = shown.label;
  id_spec.hint = shown.hint;
  id_spec.field = "identifier";
  const bool document = s.method == "id_number" || s.method == "document";
  id_spec.flags = ImGuiInputTextFlags_CharsNoBlank | (document ? ImGuiInputTextFlags_CharsUppercase : 0);
  id_spec.keyboard = s.method == "phone" ? ui::Keyboard::Digits : ui::Keyboard::Text;
  std::string_view m = ShownError(s.identifier, id_msg, s.submitted);
  ui::TextField(form, id_spec, s.identifier, !m.empty());
  ui::FieldError(form, m, id_spec.field);

  ui::TextFieldSpec pw_spec;
  pw_spec.label = "密码";
  pw_spec.hint = "请输入密码";
  pw_spec.field = "password";
  pw_spec.keyboard = ui::Keyboard::Password;
  m = ShownError(s.password, pw_msg, s.submitted);
  ui::TextField(form, pw_spec, s.password, !m.empty());
  ui::FieldError(form, m, pw_spec.field);

  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, s.submitted)))
    out.refresh_captcha = true;

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  bool enter = s.identifier.enter || s.password.enter || s.captcha.enter;
  if ((ui::PrimaryButton("登录", ImVec2(form.field_w(), 40), s.busy) || (enter && !s.busy))) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    if (id_msg.empty() && pw_msg.empty() && captcha_msg.empty()) {
      out.submit = true;
    } else {
      ui::Field* first = !id_msg.empty() ? &s.identifier : !pw_msg.empty() ? &s.password : &s.captcha;
      first->focus_request = true;
    }
  }
}

// 手机验证码登录: the captcha is asked before the SMS goes out (it guards the phone from
// being flooded), the code signs in.
void sms_form(const PageContext& ctx, LoginState& s, LoginActions& out) {
  const ui::Form& form = ctx.form;
  Verdict phone_check = check_phone(s.phone.str());
  std::string_view phone_msg = phone_check.ok() ? std::string_view() : phone_check.message_zh();
  std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();

  ui::TextFieldSpec spec;
  spec.label = "手机号码";
  spec.hint = "请输入手机号码";
  spec.field = "phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  std::string_view m = ShownError(s.phone, phone_msg, s.submitted);
  ui::TextField(form, spec, s.phone, !m.empty());
  ui::FieldError(form, m, spec.field);

  // The captcha is checked when the code is asked for, not on 登录 (the SMS spends it).
  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, false)))
    out.refresh_captcha = true;

  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, code_msg, s.submitted))) {
    s.sms.error.clear();
    if (phone_msg.empty() && captcha_msg.empty()) {
      out.request_sms = true;
    } else {
      s.phone.visited = true;  // say why the code cannot be sent yet
      s.captcha.visited = true;
      (phone_msg.empty() ? s.captcha : s.phone).focus_request = true;
    }
  }

  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  bool enter = s.phone.enter || s.sms_code.enter;
  if ((ui::PrimaryButton("登录", ImVec2(form.field_w(), 40), s.busy) || (enter && !s.busy))) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    if (phone_msg.empty() && code_msg.empty())
      out.submit_sms = true;
    else
      (phone_msg.empty() ? s.sms_code : s.phone).focus_request = true;
  }
}

// 忘记密码 · 账号激活 on one line, "还没有账号？注册" on the next.
void links(const ui::Form& form, LoginActions& out) {
  ImGui::SetCursorPosX(form.field_x());
  if (ui::LinkButton("忘记密码")) out.go_recovery = true;
  ImGui::SameLine(0, 8);
  if (ui::LinkButton("账号激活")) out.go_activation = true;
  ImGui::SameLine(0, 8);
  if (ui::LinkButton("账号申诉")) out.go_appeal = true;
  ImGui::SetCursorPosX(form.field_x());
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
  ImGui::TextUnformatted("还没有账号？");
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  if (ui::LinkButton("注册")) out.go_register = true;
}

}  // namespace

void LoginPage(const PageContext& ctx, LoginState& s, LoginActions& out) {
  const ui::Form& form = ctx.form;
  TitleRow(form, "用户登录");
  ui::RowGap(4);
  if (!s.asking_system.empty()) {
    std::string text = "「" + s.asking_system + "」请求使用您的统一身份认证账号登录，登录后请确认授权。";
    if (s.asking_level > 1) text += "该系统要求" + s.asking_level_label + "及以上。";
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(text, ui::Tone::Info, form.width);
    ui::RowGap(12);
  }

  static const char* const kKinds[] = {"个人登录", "法人登录"};
  int kind = s.kind;
  if (TabRow(form, kKinds, 2, &kind)) {
    s.kind = kind;
    s.captcha.reset();
    s.enterprise.captcha.reset();
  }
  ui::RowGap(10);
  if (s.kind == LoginState::kEnterprise) {
    EnterpriseLoginForm(ctx, s.enterprise, s.captcha_image, out.enterprise);
    return;
  }

  // The sign-in methods of this profile the page offers: 密码登录 always, the others when
  // login_methods lists them.
  const Profile& profile = *ctx.profile;
  const char* labels[3] = {"密码登录"};
  int modes[3] = {LoginState::kPasswordMode};
  int count = 1;
  if (profile_lists(profile.login_methods, "sms")) {
    labels[count] = "手机验证码登录";
    modes[count++] = LoginState::kSmsMode;
  }
  if (profile_lists(profile.login_methods, "qr")) {
    labels[count] = "扫码登录";
    modes[count++] = LoginState::kQrMode;
  }
  int tab = 0;
  for (int i = 0; i < count; ++i)
    if (modes[i] == s.mode) tab = i;
  s.mode = modes[tab];
  if (count > 1 && TabRow(form, labels, count, &tab)) {
    s.mode = modes[tab];
    s.submitted = false;
    s.error.clear();
    s.captcha.reset();
  }
  ui::RowGap(10);

  if (s.mode == LoginState::kPasswordMode)
    password_form(ctx, s, out);
  else if (s.mode == LoginState::kSmsMode)
    sms_form(ctx, s, out);
  else
    QrLoginPanel(ctx, s.qr, out.qr);
  ui::RowGap(10);
  ResultMessage(form, s.error, s.success);
  links(form, out);
  if (profile_lists(profile.login_methods, "upstream")) UpstreamLoginPanel(ctx, s.upstream, out.upstream);
}

}  // namespace uia::web
