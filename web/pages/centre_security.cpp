// 个人中心 / 安全设置: 绑定邮箱 (password + address, a code by e-mail, then the code) and
// 密保问题 (password + three different questions from the catalogue with their answers). Both
// open more ways to recover a forgotten password (找回密码 lists them).
#include <string>

#include "a11y.h"
#include "api/error_code.h"
#include "json.h"
#include "pages/centre_page.h"

namespace uia::web {
namespace {

bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

void section_title(const ui::Form& form, const char* title) {
  ImGui::SetCursorPosX(form.x);
  ui::Heading(title, 2);
  ui::RowGap(6);
}

bool looks_like_email(std::string_view e) {
  const auto at = e.find('@');
  return at != std::string_view::npos && at > 0 && e.find('.', at) != std::string_view::npos && e.back() != '.';
}

void email_section(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  section_title(form, "绑定邮箱");
  ReadOnlyRow(form, "当前邮箱", s.email_on_file.empty() ? std::string_view("未绑定") : std::string_view(s.email_on_file));
  const bool sub = s.email_submitted;
  std::string_view pw_msg = s.email_password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view email_msg = s.email.empty()                ? std::string_view("请输入邮箱地址")
                               : !looks_like_email(s.email.str()) ? std::string_view("邮箱地址格式不正确")
                                                                  : std::string_view();
  std::string_view code_msg = s.email_code.empty() ? std::string_view("请输入邮箱验证码") : std::string_view();

  ui::TextFieldSpec spec;
  spec.label = "邮箱登录密码";
  spec.hint = "为保护账号安全，请输入登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  row(form, spec, s.email_password, ShownError(s.email_password, pw_msg, sub));

  spec = {};
  spec.label = "邮箱地址";
  spec.hint = "例如 name@example.com";
  spec.field = "email";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  row(form, spec, s.email, ShownError(s.email, email_msg, sub));

  spec = {};
  spec.label = "邮箱验证码";
  spec.hint = "请输入验证码";
  spec.field = "email_code";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  spec.trailing = 112;
  std::string_view shown_code = ShownError(s.email_code, code_msg, sub && s.email_sent.resend_at > 0);
  ui::TextField(form, spec, s.email_code, !shown_code.empty());
  ui::Trailing(form, spec);
  if (ui::CountdownButton("获取邮箱验证码", s.email_sent.resend_at - ctx.now, ImVec2(spec.trailing, ImGui::GetFrameHeight()),
                          s.email_sent.busy)) {
    s.email_submitted = true;
    s.questions_submitted = false;
    s.error.clear();
    s.success.clear();
    s.email_sent.error.clear();
    if (!pw_msg.empty()) s.email_password.focus_request = true;
    else if (!email_msg.empty()) s.email.focus_request = true;
    else out.request_email_code = true;
  }
  if (!shown_code.empty()) ui::FieldError(form, shown_code, spec.field);
  else if (!s.email_sent.error.empty()) ui::FieldError(form, s.email_sent.error, spec.field);
  else if (!s.email_sent.info.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note(s.email_sent.info, form.field_w());
    ui::RowGap(8);
  } else {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("验证码将发送到上面填写的邮箱，以确认该邮箱由您本人使用。", form.field_w());
    ui::RowGap(8);
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("绑定邮箱", ImVec2(form.field_w(), 40), s.busy)) {
    s.email_submitted = true;
    s.questions_submitted = false;
    s.error.clear();
    s.success.clear();
    if (s.email_sent.resend_at <= 0) {
      s.email_sent.error = "请先获取邮箱验证码";
    } else if (!code_msg.empty()) {
      s.email_code.focus_request = true;
    } else {
      out.verify_email = true;
    }
  }
}

void questions_section(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  section_title(form, "密保问题");
  ImGui::SetCursorPosX(form.x);
  if (s.questions_set) {
    std::string on_file = "已设置密保问题：";
    for (size_t i = 0; i < s.my_questions.size(); ++i) on_file += (i ? "；" : "") + s.my_questions[i];
    on_file += "。重新设置将替换原有的问题和答案。";
    ui::Note(on_file, form.width);
  } else {
    ui::Note("尚未设置密保问题。设置后，忘记密码时可通过回答密保问题找回。", form.width);
  }
  ui::RowGap(8);
  if (s.catalogue.empty()) return;
  const bool sub = s.questions_submitted;
  std::string_view pw_msg = s.questions_password.empty() ? message_zh(ErrorCode::PasswordEmpty) : std::string_view();
  std::string_view answer_msg[3];
  const char* const q_labels[] = {"问题一", "问题二", "问题三"};
  const char* const a_labels[] = {"答案一", "答案二", "答案三"};
  const char* const a_fields[] = {"answer_1", "answer_2", "answer_3"};
  std::string_view same_msg;
  if (s.pick[0] == s.pick[1] || s.pick[0] == s.pick[2] || s.pick[1] == s.pick[2]) same_msg = "请选择三个不同的问题";
  const int count = static_cast<int>(s.catalogue_texts.size());
  for (int i = 0; i < 3; ++i) {
    ui::RowLabel(form, q_labels[i], true);
    ImGui::SetCursorPosX(form.field_x());
    ui::Combo(q_labels[i], &s.pick[i], s.catalogue_texts.data(), count, form.field_w());
    ui::RowGap(8);
    answer_msg[i] = s.answers[i].empty() ? std::string_view("请输入答案") : std::string_view();
    ui::TextFieldSpec spec;
    spec.label = a_labels[i];
    spec.hint = "请输入答案（请牢记）";
    spec.field = a_fields[i];
    row(form, spec, s.answers[i], ShownError(s.answers[i], answer_msg[i], sub));
  }
  if (!same_msg.empty()) ui::FieldError(form, same_msg, "questions");
  ui::TextFieldSpec spec;
  spec.label = "密保登录密码";
  spec.hint = "为保护账号安全，请输入登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  row(form, spec, s.questions_password, ShownError(s.questions_password, pw_msg, sub));
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("保存密保问题", ImVec2(form.field_w(), 40), s.busy)) {
    s.questions_submitted = true;
    s.email_submitted = false;
    s.error.clear();
    s.success.clear();
    ui::Field* first = nullptr;
    for (int i = 0; i < 3 && !first; ++i)
      if (!answer_msg[i].empty()) first = &s.answers[i];
    if (!first && !pw_msg.empty()) first = &s.questions_password;
    if (first) first->focus_request = true;
    else if (same_msg.empty()) out.set_questions = true;
  }
}

}  // namespace

void CentreSecurityTab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.security_loaded) {
    if (!s.security_loading && s.error.empty()) out.load_security = true;
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取安全设置…", form.width);
    ui::RowGap(8);
    return;
  }
  email_section(ctx, s, out);
  ui::RowGap(16);
  questions_section(ctx, s, out);
}

std::string SecurityQuestionsBody(const CentreState& s) {
  std::string out = "{\"password\":";
  append_json_string(out, s.questions_password.str());
  out += ",\"questions\":[";
  for (int i = 0; i < 3; ++i) {
    if (i) out += ",";
    out += "{\"question\":";
    const int p = s.pick[i];
    append_json_string(out, p >= 0 && p < static_cast<int>(s.catalogue.size()) ? s.catalogue[p].id : std::string());
    out += ",\"answer\":";
    append_json_string(out, s.answers[i].str());
    out += "}";
  }
  return out + "]}";
}

}  // namespace uia::web
