#include "pages/recovery_page.h"

#include "api/error_code.h"
#include "ids/resident_id.h"
#include "json.h"
#include "policy/account.h"
#include "policy/person_name.h"

namespace uia::web {
namespace {

const char* const kSteps[] = {"填写用户信息", "安全验证", "设置新密码"};

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
  // A profile whose ways back (004 四: 扫描人脸) the page does not build: say so, ask nothing.
  if (!RecoveryMethodOffered(*ctx.profile, "phone") && !RecoveryMethodOffered(*ctx.profile, "email") &&
      !RecoveryMethodOffered(*ctx.profile, "security_questions")) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox("本平台暂不支持在网页上找回密码，请使用手机APP通过人脸识别找回。", ui::Tone::Info, form.field_w());
    ui::RowGap(10);
    return;
  }
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

const char* MethodName(const std::string& m) {
  return m == "email" ? "邮箱验证码" : m == "security_questions" ? "密保问题" : "手机短信验证码";
}

void sms_step(const PageContext& ctx, RecoveryState& s, RecoveryActions& out) {
  const ui::Form& form = ctx.form;
  if (s.methods.size() > 1) {  // a choice only when there is one to make
    ui::RowLabel(form, "验证方式", true);
    ImGui::SetCursorPosX(form.field_x());
    ui::AlignCompactRow();
    bool first = true;
    for (const auto& m : s.methods) {
      // Wraps onto the next line when the row is full (375 px phones).
      const float w = ImGui::CalcTextSize(MethodName(m)).x + 40.0f;
      if (!first) {
        ImGui::SameLine(0, 16);
        if (ImGui::GetCursorPosX() + w > form.x + form.width) {
          ImGui::NewLine();
          ImGui::SetCursorPosX(form.field_x());
        }
      }
      first = false;
      if (ui::RadioButton(MethodName(m), s.method == m) && s.method != m) {
        s.method = m;
        s.submitted = false;
        s.error.clear();
      }
    }
    ui::RowGap(12);
  }
  std::string_view code_msg;
  if (s.method == "email") {
    code_msg = s.email_code.empty() ? std::string_view("请输入邮箱验证码") : std::string_view();
    ReadOnlyRow(form, "邮箱地址", s.masked_email);
    ui::TextFieldSpec spec;
    spec.label = "邮箱验证码";
    spec.hint = "请输入验证码";
    spec.field = "email_code";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
    spec.keyboard = ui::Keyboard::Digits;
    spec.trailing = 112;
    std::string_view shown = ShownError(s.email_code, code_msg, s.submitted);
    ui::TextField(form, spec, s.email_code, !shown.empty());
    ui::Trailing(form, spec);
    if (ui::CountdownButton("获取邮箱验证码", s.email.resend_at - ctx.now, ImVec2(spec.trailing, ImGui::GetFrameHeight()),
                            s.email.busy)) {
      s.email.error.clear();
      out.request_email = true;
    }
    if (!shown.empty()) ui::FieldError(form, shown, spec.field);
    else if (!s.email.error.empty()) ui::FieldError(form, s.email.error, spec.field);
    else {
      ImGui::SetCursorPosX(form.field_x());
      ui::Note(s.email.info.empty() ? std::string("验证码将发送到账号绑定的上述邮箱。") : s.email.info, form.field_w());
      ui::RowGap(8);
    }
  } else if (s.method == "security_questions") {
    const char* const labels[] = {"答案一", "答案二", "答案三"};
    for (size_t i = 0; i < 3 && i < s.questions.size(); ++i) {
      ImGui::SetCursorPosX(form.field_x());
      ui::Note(std::to_string(i + 1) + ". " + s.questions[i], form.field_w(), ui::color::kText);
      ui::RowGap(4);
      std::string_view m = s.answers[i].empty() ? std::string_view("请输入答案") : std::string_view();
      if (code_msg.empty() && !m.empty()) code_msg = m;
      ui::TextFieldSpec spec;
      spec.label = labels[i];
      spec.hint = "请输入设置时填写的答案";
      spec.field = i == 0 ? "answers" : "";
      std::string_view shown = ShownError(s.answers[i], m, s.submitted);
      ui::TextField(form, spec, s.answers[i], !shown.empty());
      ui::FieldError(form, shown, i == 0 ? "answers" : "");
    }
  } else {
    code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();
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
  }
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("下一步", ImVec2(form.field_w(), 40), s.busy) || (s.sms_code.enter && !s.busy)) {
    s.submitted = true;
    s.error.clear();
    if (code_msg.empty()) {
      s.step = RecoveryState::kPassword;  // checked by the server together with the new password
      s.submitted = false;
    } else if (s.method == "email") {
      s.email_code.focus_request = true;
    } else if (s.method == "security_questions") {
      for (auto& a : s.answers)
        if (a.empty()) {
          a.focus_request = true;
          break;
        }
    } else {
      s.sms_code.focus_request = true;
    }
  }
}

void password_step(const PageContext& ctx, RecoveryState& s, RecoveryActions& out) {
  const ui::Form& form = ctx.form;
  // The account name is not known here (only the server has it): the rules that need it are
  // checked by the server.
  std::string_view pw_msg = msg(check_password(s.password.str(), "", ctx.profile->password));
  std::string_view confirm_msg = s.confirm.empty() ? message_zh(ErrorCode::PasswordEmpty)
                                 : s.confirm.str() != s.password.str() ? message_zh(ErrorCode::PasswordMismatch)
                                                                       : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "新密码";
  spec.hint = "请设置新密码";
  spec.field = "new_password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.password, ShownError(s.password, pw_msg, s.submitted));

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

bool RecoveryMethodOffered(const Profile& profile, std::string_view method) {
  const std::string_view listed = method == "phone" ? "sms" : method == "security_questions" ? "security_question" : method;
  return profile_lists(profile.recovery_methods, listed);
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
  if (s.method == "security_questions") {
    std::string out = "{\"method\":\"security_questions\",\"new_password\":";
    append_json_string(out, s.password.str());
    out += ",\"answers\":[";
    for (int i = 0; i < 3; ++i) {
      if (i) out += ",";
      append_json_string(out, s.answers[i].str());
    }
    return out + "]}";
  }
  JsonObject o;
  if (s.method == "email") o.add("method", "email").add("email_code", s.email_code.str());
  else o.add("method", "sms").add("sms_code", s.sms_code.str());
  o.add("new_password", s.password.str());
  return o.str();
}

bool RecoverySetServerError(RecoveryState& s, const std::string& field, const std::string& message) {
  struct { const char* name; ui::Field* f; int step; } map[] = {
      {"name", &s.name, RecoveryState::kIdentify}, {"id_number", &s.id_number, RecoveryState::kIdentify},
      {"captcha_answer", &s.captcha, RecoveryState::kIdentify}, {"sms_code", &s.sms_code, RecoveryState::kSms},
      {"email_code", &s.email_code, RecoveryState::kSms}, {"answers", &s.answers[0], RecoveryState::kSms},
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
