#include "pages/register_page.h"

#include <cstdio>
#include <optional>
#include <vector>

#include "api/error_code.h"
#include "ids/documents.h"
#include "ids/id_types.h"
#include "ids/resident_id.h"
#include "json.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "policy/id_validity.h"
#include "policy/person_name.h"
#include "profile/profile_notes.h"
#include "profile/registration_hours.h"
#include "pages/password_meter.h"

namespace uia::web {
namespace {

const char* const kTerms[] = {"5年", "10年", "20年", "长期有效"};
const int kTermYears[] = {5, 10, 20, 0};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

// Everything the form knows after checking each field with the shared rules.
struct Checks {
  std::string_view account, password, confirm, name, id_number, birth_date, gender, validity;
  std::string_view phone, captcha, sms_code, agree;
  std::optional<Date> birth;       // from the resident ID number
  bool needs_validity = true;      // false: holder under 16 (no validity dates)
  bool all_ok() const {
    // The captcha guards 获取验证码 only: POST /api/v1/persons does not take it.
    for (std::string_view m : {account, password, confirm, name, id_number, birth_date, gender,
                               validity, phone, sms_code, agree})
      if (!m.empty()) return false;
    return true;
  }
};

std::optional<Date> parse_user_date(const ui::Field& f) { return parse_date(f.str(), /*compact=*/true); }

// The person picks an account name only when the profile says so (account.mode "user_chosen");
// otherwise the ID number (Hainan) or the phone and documents (Hubei) sign in.
bool asks_account(const Profile& profile) { return profile.account_mode == "user_chosen"; }

Checks check(const RegisterState& s, Date today, const Profile& profile) {
  Checks c;
  if (asks_account(profile)) c.account = msg(check_account_name(s.account.str(), profile.account_name));
  c.password = msg(check_password(s.password.str(), s.account.str(), profile.password, s.name.str()));
  if (s.confirm.empty())
    c.confirm = message_zh(ErrorCode::PasswordEmpty);
  else if (s.confirm.str() != s.password.str())
    c.confirm = message_zh(ErrorCode::PasswordMismatch);
  c.name = msg(check_person_name(s.name.str()));

  std::string_view number = s.id_number.str();
  switch (s.id_type) {
    case RegisterState::kResident:
      c.id_number = msg(check_resident_id(number, today));
      if (c.id_number.empty()) {
        if (auto id = parse_resident_id(number, today)) {
          c.birth = id->birth_date;
          c.needs_validity = needs_validity_dates(id->birth_date, today);
        }
      }
      break;
    case RegisterState::kHkMacau: c.id_number = msg(check_hk_macau_permit(number)); break;
    case RegisterState::kTaiwan: c.id_number = msg(check_taiwan_permit(number)); break;
    case RegisterState::kPassport: c.id_number = msg(check_passport(number)); break;
    default: c.id_number = msg(check_foreign_permanent_id(number, today)); break;
  }
  if (number.empty()) c.id_number = message_zh(ErrorCode::IdNumberEmpty);

  if (s.id_type != RegisterState::kResident) {
    if (!parse_user_date(s.birth_date)) c.birth_date = message_zh(ErrorCode::BirthDateInvalid);
    if (s.gender < 0) c.gender = "请选择性别";
  }

  if (c.needs_validity) {
    const bool long_term = s.term == RegisterState::kLongTerm;
    std::optional<Date> from = parse_user_date(s.valid_from);
    std::optional<Date> to = long_term ? std::nullopt : parse_user_date(s.valid_to);
    if (s.valid_from.empty() || (!long_term && s.valid_to.empty()))
      c.validity = message_zh(ErrorCode::IdValidityRequired);
    else if (!from || (!long_term && !to))
      c.validity = message_zh(ErrorCode::DateInvalid);
    else if (c.birth)  // the age rules are those of the resident ID card
      c.validity = msg(check_id_validity(*c.birth, *from, to, today));
  }

  c.phone = msg(check_phone(s.phone.str()));
  if (s.captcha.empty()) c.captcha = "请输入图形验证码";
  if (s.sms_code.empty()) c.sms_code = "请输入短信验证码";
  if (!s.agree) c.agree = message_zh(ErrorCode::AgreementRequired);
  return c;
}

void update_valid_to_from_term(RegisterState& s) {
  if (s.term < 0 || s.term == RegisterState::kLongTerm) return;
  if (auto from = parse_user_date(s.valid_from)) {
    s.valid_to.set(format_date(add_years(*from, kTermYears[s.term])));
    s.valid_to.server_error.clear();
  }
}

int term_index(std::optional<ValidityTerm> t) {
  if (!t) return RegisterState::kNoTerm;
  switch (*t) {
    case ValidityTerm::FiveYears: return RegisterState::kFiveYears;
    case ValidityTerm::TenYears: return RegisterState::kTenYears;
    case ValidityTerm::TwentyYears: return RegisterState::kTwentyYears;
    case ValidityTerm::LongTerm: return RegisterState::kLongTerm;
  }
  return RegisterState::kNoTerm;
}

void section_title(const ui::Form& form, const char* text) {
  ImGui::SetCursorPosX(form.x);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImVec2 p = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x + 8, (ImGui::GetItemRectMin().y + p.y) * 0.5f),
                                      ImVec2(ImGui::GetWindowPos().x + form.x + form.width,
                                             (ImGui::GetItemRectMin().y + p.y) * 0.5f),
                                      IM_COL32(228, 231, 236, 255));
  ui::RowGap(8);
}

}  // namespace

const char* RegisterIdTypeName(int id_type) {
  // RegisterState::IdType follows the catalogue's order (shared/ids/id_types.h).
  const auto types = id_types();
  const std::size_t i = id_type >= 0 && static_cast<std::size_t>(id_type) < types.size() ? id_type : 0;
  return types[i].code.data();
}

void RegisterPage(const PageContext& ctx, RegisterState& s, RegisterActions& out) {
  const ui::Form& form = ctx.form;
  const Profile& profile = *ctx.profile;
  const Checks c = check(s, ctx.today, profile);

  // A field shows the server's word about it, else its live check once touched.
  auto shown = [&](const ui::Field& f, std::string_view m) -> std::string_view {
    if (!f.server_error.empty()) return f.server_error;
    return f.should_show_error(s.submitted) ? m : std::string_view();
  };
  auto text_row = [&](ui::TextFieldSpec spec, ui::Field& f, std::string_view m) {
    std::string_view shown_msg = shown(f, m);
    bool edited = ui::TextField(form, spec, f, !shown_msg.empty());
    ui::FieldError(form, shown_msg, spec.field);
    return edited;
  };

  // Title row: 个人注册 + back to login.
  ImGui::SetCursorPosX(form.x);
  ui::Heading("个人注册");
  ImGui::SameLine();
  ImGui::SetCursorPosX(form.x + form.width - ImGui::CalcTextSize("返回登录").x - 8);
  if (ui::LinkButton("返回登录")) out.go_login = true;
  ui::RowGap(6);
  // 001: registration hours for residents of other provinces, said before anything is typed.
  if (const std::string notice = registration_hours_notice(profile.registration_hours); !notice.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(notice, ui::Tone::Info, form.width);
    ui::RowGap(10);
  }

  // ---- 账号信息
  section_title(form, "账号信息");
  ui::TextFieldSpec spec;
  if (asks_account(profile)) {
    const std::string account_hint = AccountRuleHint(profile.account_name);
    spec.label = "用户账号";
    spec.hint = account_hint.c_str();
    spec.field = "account";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank;
    text_row(spec, s.account, c.account);
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
  NewPasswordRow(form, profile.password, spec, s.password, shown(s.password, c.password));
  PasswordStrengthRow(form, s.password.str(), profile.password, s.account.str(), s.name.str());

  spec = {};
  spec.label = "确认密码";
  spec.hint = "请再次输入密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  text_row(spec, s.confirm, c.confirm);

  // ---- 身份信息
  section_title(form, "身份信息");
  spec = {};
  spec.label = "用户姓名";
  spec.hint = "请输入用户姓名";
  spec.field = "name";
  text_row(spec, s.name, c.name);

  // The documents this profile registers (person_id_types), labelled from the one catalogue.
  std::vector<const char*> labels;
  std::vector<int> types;  // RegisterState::IdType of each choice
  const auto catalogue = id_types();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    if (!profile_lists(profile.person_id_types, catalogue[i].code)) continue;
    labels.push_back(catalogue[i].label.data());
    types.push_back(static_cast<int>(i));
  }
  int choice = 0;
  for (std::size_t i = 0; i < types.size(); ++i)
    if (types[i] == s.id_type) choice = static_cast<int>(i);
  if (!types.empty()) s.id_type = types[choice];
  ui::RowLabel(form, "证件类型", true);
  if (ui::Combo("证件类型", &choice, labels.data(), static_cast<int>(labels.size()), form.field_w())) {
    s.id_type = types[choice];
    s.id_number.reset();
    s.term = RegisterState::kNoTerm;
  }
  ui::RowGap();

  spec = {};
  spec.label = "证件号码";
  spec.hint = "请输入用户证件号码";
  spec.field = "id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  text_row(spec, s.id_number, c.id_number);

  if (s.id_type != RegisterState::kResident) {
    ui::RowLabel(form, "性别", true);
    ui::AlignCompactRow();
    if (ui::RadioButton("男", s.gender == 0)) s.gender = 0;
    ImGui::SameLine(0, 24);
    if (ui::RadioButton("女", s.gender == 1)) s.gender = 1;
    ui::FieldError(form, s.submitted ? c.gender : std::string_view(), "gender");

    spec = {};
    spec.label = "出生日期";
    spec.hint = "YYYY-MM-DD";
    spec.field = "birth_date";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank;
    text_row(spec, s.birth_date, c.birth_date);
  }

  // Validity period: not asked from holders under 16 (seed 000).
  if (!c.needs_validity) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note(message_zh(ErrorCode::IdValidityNotAllowed), form.field_w());
    ui::RowGap();
  } else {
    ui::RowLabel(form, "证件有效期", true);
    ui::AlignCompactRow();
    const float right = form.field_x() + form.field_w();
    for (int i = 0; i < 4; ++i) {
      if (i) {
        // Flow layout: wrap when the next choice does not fit (375 px screens).
        float w = 24 + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(kTerms[i]).x;
        ImGui::SameLine(0, 20);
        if (ImGui::GetCursorPosX() + w > right) {
          ImGui::NewLine();
          ImGui::SetCursorPosX(form.field_x());
        }
      }
      if (ui::RadioButton(kTerms[i], s.term == i)) {
        s.term = i;
        s.valid_from.dirty = true;
        update_valid_to_from_term(s);
      }
    }
    ui::RowGap(8);

    spec = {};
    spec.label = "有效期开始日期";
    spec.hint = "YYYY-MM-DD";
    spec.field = "id_valid_from";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank;
    if (ui::TextField(form, spec, s.valid_from, false)) update_valid_to_from_term(s);
    ui::RowGap();

    if (s.term == RegisterState::kLongTerm) {
      ui::RowLabel(form, "有效期结束日期", true);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted("长期");
    } else {
      spec = {};
      spec.label = "有效期结束日期";
      spec.hint = "YYYY-MM-DD";
      spec.field = "id_valid_to";
      spec.flags = ImGuiInputTextFlags_CharsNoBlank;
      if (ui::TextField(form, spec, s.valid_to, false)) {
        auto from = parse_user_date(s.valid_from);
        auto to = parse_user_date(s.valid_to);
        s.term = (from && to) ? term_index(validity_term_of(*from, to)) : RegisterState::kNoTerm;
      }
    }
    bool touched = s.valid_from.dirty || s.valid_from.visited || s.valid_to.dirty || s.valid_to.visited;
    std::string_view vm = !s.valid_from.server_error.empty() ? std::string_view(s.valid_from.server_error)
                          : !s.valid_to.server_error.empty() ? std::string_view(s.valid_to.server_error)
                          : (touched || s.submitted) ? c.validity : std::string_view();
    ui::FieldError(form, vm, "id_valid_to");
  }

  // ---- 联系方式
  section_title(form, "联系方式");
  spec = {};
  spec.label = "手机号码";
  spec.hint = "请输入手机号码";
  spec.field = "phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  spec.keyboard = ui::Keyboard::Digits;
  text_row(spec, s.phone, c.phone);

  spec = {};
  spec.label = "图形验证码";
  spec.hint = "请输入图形验证码";
  spec.field = "captcha_answer";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  spec.trailing = 112;
  {
    // Checked when the user asks for an SMS code, not on 注册 (the code spends the captcha).
    std::string_view m = !s.captcha.server_error.empty() ? std::string_view(s.captcha.server_error)
                         : s.captcha.should_show_error(false) ? c.captcha : std::string_view();
    ui::TextField(form, spec, s.captcha, !m.empty());
    ui::Trailing(form, spec);
    if (CaptchaButton(s.captcha_image, ImVec2(spec.trailing, ImGui::GetFrameHeight())))
      out.refresh_captcha = true;
    ui::FieldError(form, m, spec.field);
  }

  spec = {};
  spec.label = "短信验证码";
  spec.hint = "请输入验证码";
  spec.field = "sms_code";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  spec.keyboard = ui::Keyboard::Digits;
  spec.trailing = 112;
  {
    std::string_view m = shown(s.sms_code, c.sms_code);
    ui::TextField(form, spec, s.sms_code, !m.empty());
    ui::Trailing(form, spec);
    const bool waiting = ctx.now < s.sms_resend_at;
    if (ui::CountdownButton("获取验证码", s.sms_resend_at - ctx.now, ImVec2(spec.trailing, ImGui::GetFrameHeight()),
                            s.sms_busy)) {
      s.sms_error.clear();
      s.sms_info.clear();
      if (c.phone.empty() && c.captcha.empty()) {
        out.request_sms = true;
      } else {
        // Show why the code cannot be sent yet.
        s.phone.visited = true;
        s.captcha.visited = true;
        (c.phone.empty() ? s.captcha : s.phone).focus_request = true;
      }
    }
    if (!m.empty()) {
      ui::FieldError(form, m, spec.field);
    } else if (!s.sms_error.empty()) {
      ui::FieldError(form, s.sms_error, spec.field);
    } else if (waiting || !s.sms_info.empty()) {
      ImGui::SetCursorPosX(form.field_x());
      char buf[128];
      if (waiting)
        std::snprintf(buf, sizeof buf, "%s%d秒后可重新获取", s.sms_info.c_str(),
                      static_cast<int>(s.sms_resend_at - ctx.now + 0.999));
      else
        std::snprintf(buf, sizeof buf, "%s如未收到可重新获取", s.sms_info.c_str());
      ui::Note(buf, form.field_w());
      ui::RowGap(8);
    } else {
      ui::RowGap();
    }
  }

  // ---- Agreement and submit
  ImGui::SetCursorPosX(form.field_x());
  ui::Checkbox("已阅读并同意《注册协议》与《隐私政策》", &s.agree);
  ui::FieldError(form, s.submitted ? c.agree : std::string_view(), "agree");

  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("注册", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.success.clear();
    if (c.all_ok()) {
      s.error.clear();
      out.submit = true;
    } else {
      s.error = "请按提示更正标红的信息后再提交";
      // Keyboard focus (and the view) goes to the first field that needs attention.
      struct { std::string_view m; ui::Field* f; } order[] = {
          {c.account, &s.account}, {c.password, &s.password}, {c.confirm, &s.confirm},
          {c.name, &s.name}, {c.id_number, &s.id_number}, {c.birth_date, &s.birth_date},
          {c.validity, &s.valid_from}, {c.phone, &s.phone}, {c.sms_code, &s.sms_code}};
      for (auto& o : order) {
        if (!o.m.empty()) {
          o.f->focus_request = true;
          break;
        }
      }
    }
  }
  if (s.error == "请按提示更正标红的信息后再提交" && c.all_ok()) s.error.clear();
  ui::RowGap(10);
  if (!s.error.empty() || !s.success.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(s.error.empty() ? s.success : s.error,
                   s.error.empty() ? ui::Tone::Success : ui::Tone::Error, form.field_w());
    ui::RowGap(10);
  }
}

std::string RegisterRequestBody(const RegisterState& s, Date today, const Profile& profile) {
  const Checks c = check(s, today, profile);
  JsonObject o;
  if (asks_account(profile)) o.add("account", s.account.str());
  o.add("password", s.password.str());
  o.add("name", s.name.str());
  o.add("id_type", RegisterIdTypeName(s.id_type));
  std::string number(s.id_number.str());
  if (s.id_type == RegisterState::kResident) {
    if (auto id = parse_resident_id(number, today)) number = id->number;  // trailing x -> X
  }
  o.add("id_number", number);
  if (s.id_type != RegisterState::kResident) {
    o.add("gender", s.gender == 0 ? "male" : "female");
    if (auto b = parse_user_date(s.birth_date)) o.add("birth_date", format_date(*b));
  }
  if (c.needs_validity) {
    if (auto from = parse_user_date(s.valid_from)) o.add("id_valid_from", format_date(*from));
    if (s.term == RegisterState::kLongTerm)
      o.add("id_valid_to", "long_term");
    else if (auto to = parse_user_date(s.valid_to))
      o.add("id_valid_to", format_date(*to));
  }
  o.add("phone", s.phone.str());
  o.add("sms_code", s.sms_code.str());
  o.add("agree", s.agree);
  return o.str();
}

bool RegisterSetServerError(RegisterState& s, const std::string& field, const std::string& message) {
  struct { const char* name; ui::Field* f; } map[] = {
      {"account", &s.account}, {"password", &s.password}, {"name", &s.name},
      {"id_number", &s.id_number}, {"birth_date", &s.birth_date}, {"id_valid_from", &s.valid_from},
      {"id_valid_to", &s.valid_to}, {"phone", &s.phone}, {"sms_code", &s.sms_code},
      {"captcha_answer", &s.captcha}};
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
