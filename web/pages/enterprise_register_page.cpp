#include "pages/enterprise_register_page.h"

#include <cstdio>
#include <optional>

#include "api/error_code.h"
#include "ids/resident_id.h"
#include "json.h"
#include "pages/enterprise_fields.h"
#include "pages/password_meter.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "policy/id_validity.h"

namespace uia::web {
namespace {

using S = EnterpriseRegisterState;
const char* const kTerms[] = {"5年", "10年", "20年", "长期有效"};
const int kTermYears[] = {5, 10, 20, 0};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }
std::optional<Date> user_date(const ui::Field& f) { return parse_date(f.str(), /*compact=*/true); }
// A date field as the request carries it: a compact date written out, anything else as typed
// (the shared check then says it is not a date); nullopt when empty.
std::optional<std::string> request_date(const ui::Field& f) {
  if (f.empty()) return std::nullopt;
  const auto date = user_date(f);
  return date ? format_date(*date) : std::string(f.str());
}

struct Checks {
  std::string_view name, uscc, rep_name, rep_id, validity, phone, captcha, sms_code, account, password, confirm, agree;
  bool needs_validity = false;  // a resident ID of someone 16 or older
  bool all_ok() const {
    // The captcha guards 获取验证码 only; the registration itself does not take it.
    for (std::string_view m : {name, uscc, rep_name, rep_id, validity, phone, sms_code, account, password, confirm, agree})
      if (!m.empty()) return false;
    return true;
  }
};

Checks check(const S& s, Date today, const Profile& profile) {
  Checks c;
  c.name = EnterpriseNameMessage(s.name.str());
  c.uscc = UsccMessage(s.uscc.str());
  c.rep_name = RepNameMessage(s.rep_name.str());
  c.rep_id = RepIdNumberMessage(s.rep_id_type, s.rep_id_number.str(), today);
  std::optional<Date> birth;
  if (s.rep_id_type == 0 && c.rep_id.empty()) {
    if (auto id = parse_resident_id(s.rep_id_number.str(), today)) {
      birth = id->birth_date;
      c.needs_validity = needs_validity_dates(id->birth_date, today);
    }
  }
  if (c.needs_validity) {  // the server's own check of the fields (shared/policy/id_validity.h)
    const auto to = s.term == S::kLongTerm ? std::optional<std::string>("long_term") : request_date(s.valid_to);
    c.validity = msg(check_validity_fields(true, *birth, request_date(s.valid_from), to, today).verdict);
  }
  c.phone = msg(check_phone(s.phone.str()));
  if (s.captcha.empty()) c.captcha = "请输入图形验证码";
  if (s.sms_code.empty()) c.sms_code = "请输入短信验证码";
  c.account = msg(check_account_name(s.account.str(), profile.account_name));
  c.password = msg(check_password(s.password.str(), s.account.str(), profile.password));
  if (s.confirm.empty())
    c.confirm = message_zh(ErrorCode::PasswordEmpty);
  else if (s.confirm.str() != s.password.str())
    c.confirm = message_zh(ErrorCode::PasswordMismatch);
  if (!s.agree) c.agree = message_zh(ErrorCode::AgreementRequired);
  return c;
}

void term_to_end_date(S& s) {
  if (s.term < 0 || s.term == S::kLongTerm) return;
  if (auto from = user_date(s.valid_from)) s.valid_to.set(format_date(add_years(*from, kTermYears[s.term])));
}

void validity_rows(const ui::Form& form, S& s, const Checks& c) {
  ui::RowLabel(form, "证件有效期", true);
  ui::AlignCompactRow();
  const float right = form.field_x() + form.field_w();
  for (int i = 0; i < 4; ++i) {
    if (i) {  // flow layout: wrap on a phone
      const float w = 24 + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(kTerms[i]).x;
      ImGui::SameLine(0, 20);
      if (ImGui::GetCursorPosX() + w > right) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(form.field_x());
      }
    }
    if (ui::RadioButton(kTerms[i], s.term == i)) {
      s.term = i;
      s.valid_from.dirty = true;
      term_to_end_date(s);
    }
  }
  ui::RowGap(8);
  ui::TextFieldSpec spec;
  spec.label = "有效期开始日期";
  spec.hint = "YYYY-MM-DD";
  spec.field = "legal_rep_id_valid_from";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  if (ui::TextField(form, spec, s.valid_from, false)) term_to_end_date(s);
  ui::RowGap();
  if (s.term == S::kLongTerm) {
    ui::RowLabel(form, "有效期结束日期", true);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("长期");
  } else {
    spec = {};
    spec.label = "有效期结束日期";
    spec.hint = "YYYY-MM-DD";
    spec.field = "legal_rep_id_valid_to";
    spec.flags = ImGuiInputTextFlags_CharsNoBlank;
    if (ui::TextField(form, spec, s.valid_to, false)) s.term = S::kNoTerm;
  }
  const bool touched = s.valid_from.dirty || s.valid_from.visited || s.valid_to.dirty || s.valid_to.visited;
  std::string_view m = !s.valid_from.server_error.empty() ? std::string_view(s.valid_from.server_error)
                       : !s.valid_to.server_error.empty() ? std::string_view(s.valid_to.server_error)
                       : (touched || s.submitted)          ? c.validity
                                                           : std::string_view();
  ui::FieldError(form, m, "legal_rep_id_valid_to");
}

void outcome(const PageContext& ctx, S& s, EnterpriseRegisterActions& out) {
  const ui::Form& form = ctx.form;
  static const char* const kSteps[] = {"填写注册信息", "法定代表人人脸识别", "完成"};
  StepIndicator(form, kSteps, 3, 2);
  ui::RowGap(12);
  ImGui::SetCursorPosX(form.field_x());
  if (s.outcome == S::kVerified) {
    ui::MessageBox("法人注册成功，企业信息已通过工商登记信息核验。请使用法人账号或统一社会信用代码登录。",
                   ui::Tone::Success, form.field_w());
  } else {
    ui::MessageBox(EnterpriseUnverifiedText(), ui::Tone::Info, form.field_w());
  }
  ui::RowGap(12);
  ReadOnlyRow(form, "法人名称", s.outcome_name);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("去法人登录", ImVec2(form.field_w(), 40))) out.go_login = true;
}

}  // namespace

const char* EnterpriseUnverifiedText() {
  return "法人注册已提交，但暂未通过工商登记信息核验（可能因国家接口数据延迟），账号当前为“未实名用户”，"
         "暂不能登录。系统会定时自动核验，只要注册时填写的信息准确无误，核验通过后账号将自动更新为“实名用户”，"
         "届时即可登录。";
}

void EnterpriseRegisterPage(const PageContext& ctx, EnterpriseRegisterState& s, EnterpriseRegisterActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "法人注册", "返回登录")) out.go_login = true;
  if (s.outcome != S::kForm) {
    outcome(ctx, s, out);
    return;
  }
  const Checks c = check(s, ctx.today, *ctx.profile);
  ImGui::SetCursorPosX(form.x);
  ui::Note("法人用户注册前，法定代表人须先完成自然人实名注册。", form.width);
  ui::RowGap(8);

  // ---- 法人信息
  SectionTitle(form, "法人信息");
  OrgTypeRow(form, *ctx.profile, &s.org_type);
  ui::TextFieldSpec spec;
  spec.label = "法人名称";
  spec.hint = "请输入与营业执照一致的名称";
  spec.field = "name";
  CheckedRow(form, spec, s.name, c.name, s.submitted);
  spec = {};
  spec.label = "统一社会信用代码";
  spec.hint = "18位统一社会信用代码";
  spec.field = "uscc";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.uscc, c.uscc, s.submitted);

  // ---- 法定代表人信息
  SectionTitle(form, "法定代表人信息");
  spec = {};
  spec.label = "法定代表人姓名";
  spec.hint = "请输入法定代表人姓名";
  spec.field = "legal_rep_name";
  CheckedRow(form, spec, s.rep_name, c.rep_name, s.submitted);
  ui::RowLabel(form, "证件类型", true);
  if (ui::Combo("证件类型", &s.rep_id_type, RepIdTypeLabels(), form.field_w())) {
    s.rep_id_number.reset();
    s.term = S::kNoTerm;
  }
  ui::RowGap();
  spec = {};
  spec.label = "法定代表人证件号码";
  spec.hint = "请输入法定代表人证件号码";
  spec.field = "legal_rep_id_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.rep_id_number, c.rep_id, s.submitted);
  if (c.needs_validity) validity_rows(form, s, c);

  // ---- 联系手机
  SectionTitle(form, "联系手机");
  spec = {};
  spec.label = "手机号码";
  spec.hint = "请输入法人联系手机号码";
  spec.field = "phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  CheckedRow(form, spec, s.phone, c.phone, s.submitted);
  // The captcha is checked when a code is asked for, not on 注册 (the SMS spends it).
  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, c.captcha, false))) out.refresh_captcha = true;
  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, c.sms_code, s.submitted))) {
    s.sms.error.clear();
    if (c.phone.empty() && c.captcha.empty()) {
      out.request_sms = true;
    } else {
      s.phone.visited = true;
      s.captcha.visited = true;
      (c.phone.empty() ? s.captcha : s.phone).focus_request = true;
    }
  }

  // ---- 账号与密码
  SectionTitle(form, "设置法人账号与密码");
  spec = {};
  spec.label = "法人账号";
  const std::string account_hint = AccountRuleHint(ctx.profile->account_name);
  spec.hint = account_hint.c_str();
  spec.field = "account";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  CheckedRow(form, spec, s.account, c.account, s.submitted);
  spec = {};
  spec.label = "设置密码";
  spec.hint = "请设置登录密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.password, ShownError(s.password, c.password, s.submitted));
  PasswordStrengthRow(form, s.password.str(), ctx.profile->password, s.account.str());
  spec = {};
  spec.label = "确认密码";
  spec.hint = "请再次输入密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.confirm, c.confirm, s.submitted);

  ImGui::SetCursorPosX(form.field_x());
  ui::Checkbox("已阅读并同意《注册协议》与《隐私政策》", &s.agree);
  ui::FieldError(form, s.submitted ? c.agree : std::string_view(), "agree");

  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("注册", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    if (c.all_ok()) {
      s.error.clear();
      out.submit = true;
    } else {
      s.error = "请按提示更正标红的信息后再提交";
      struct { std::string_view m; ui::Field* f; } order[] = {
          {c.name, &s.name}, {c.uscc, &s.uscc}, {c.rep_name, &s.rep_name}, {c.rep_id, &s.rep_id_number},
          {c.validity, &s.valid_from}, {c.phone, &s.phone}, {c.sms_code, &s.sms_code}, {c.account, &s.account},
          {c.password, &s.password}, {c.confirm, &s.confirm}};
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
  ResultMessage(form, s.error, std::string());
  ImGui::SetCursorPosX(form.field_x());
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kMuted));
  ImGui::TextUnformatted("企业已在册但未开通账号？");
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  if (ui::LinkButton("企业账号激活")) out.go_activation = true;
}

std::string EnterpriseRegisterBody(const Profile& profile, const EnterpriseRegisterState& s, Date today) {
  const Checks c = check(s, today, profile);
  JsonObject o;
  o.add("org_type", ui::CatalogueCode(profile.organisation_types, s.org_type));
  o.add("name", s.name.str());
  o.add("uscc", s.uscc.str());
  o.add("legal_rep_name", s.rep_name.str());
  o.add("legal_rep_id_type", RepIdTypeName(s.rep_id_type));
  o.add("legal_rep_id_number", RepIdNumberForRequest(s.rep_id_type, s.rep_id_number.str()));
  if (c.needs_validity) {
    if (auto from = user_date(s.valid_from)) o.add("legal_rep_id_valid_from", format_date(*from));
    if (s.term == S::kLongTerm)
      o.add("legal_rep_id_valid_to", "long_term");
    else if (auto to = user_date(s.valid_to))
      o.add("legal_rep_id_valid_to", format_date(*to));
  }
  o.add("phone", s.phone.str());
  o.add("sms_code", s.sms_code.str());
  o.add("account", s.account.str());
  o.add("password", s.password.str());
  o.add("agree", s.agree);
  return o.str();
}

bool EnterpriseRegisterSetServerError(EnterpriseRegisterState& s, const std::string& field, const std::string& message) {
  struct { const char* name; ui::Field* f; } map[] = {
      {"name", &s.name}, {"uscc", &s.uscc}, {"legal_rep_name", &s.rep_name},
      {"legal_rep_id_number", &s.rep_id_number}, {"legal_rep_id_valid_from", &s.valid_from},
      {"legal_rep_id_valid_to", &s.valid_to}, {"phone", &s.phone}, {"sms_code", &s.sms_code},
      {"captcha_answer", &s.captcha}, {"account", &s.account}, {"password", &s.password}};
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
