#include "pages/appeal_form_page.h"

#include <optional>

#include "a11y.h"
#include "api/error_code.h"
#include "appeals/appeals.h"
#include "ids/resident_id.h"
#include "json.h"
#include "pages/appeal_materials.h"
#include "pages/enterprise_fields.h"
#include "pages/password_meter.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "policy/id_validity.h"

namespace uia::web {
namespace {

using S = AppealFormState;
std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }
// Characters (code points), as the server counts the remark: every byte but UTF-8 continuations.
size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// The step bar of each kind (seeds 001 1.6.1, 1.6.2, 2.7.1; 000 五.2) and how many of its
// steps are form steps; the materials step follows them, then the final page (the last label,
// or the materials step's own label when the seed ends on 申诉确认).
struct Flow {
  std::string_view kind;
  const char* labels[5];
  int count;
  int form_steps;
};
constexpr Flow kFlows[] = {
    {"person_phone_taken", {"申诉手机号", "申诉人信息", "重置密码", "申诉确认"}, 4, 3},
    {"person_id_taken", {"填写身份证", "更换绑定手机号", "身份验证", "完成"}, 4, 2},
    {"enterprise_account", {"企业信息", "联系人信息", "设置密码", "上传材料", "提交成功"}, 5, 3},
    {"enterprise_register_assist", {"身份验证", "材料上传", "完成"}, 3, 1},
    {"enterprise_info_change", {"身份验证", "材料上传", "完成"}, 3, 1},
};
const Flow& flow(std::string_view kind) {
  for (const auto& f : kFlows)
    if (f.kind == kind) return f;
  return kFlows[0];
}

std::optional<Date> user_date(const ui::Field& f) { return parse_date(f.str(), /*compact=*/true); }
std::optional<std::string> request_date(const ui::Field& f) {
  if (f.empty()) return std::nullopt;
  const auto date = user_date(f);
  return date ? format_date(*date) : std::string(f.str());
}

// The first field with a message takes the focus; true when there is none.
struct Check {
  std::string_view message;
  ui::Field* field;
};
bool all_pass(std::initializer_list<Check> checks) {
  for (const auto& c : checks) {
    if (!c.message.empty()) {
      c.field->focus_request = true;
      return false;
    }
  }
  return true;
}

std::string_view required(const ui::Field& f, std::string_view message) { return f.empty() ? message : std::string_view(); }
std::string_view confirm_message(const S& s) {
  if (s.confirm.empty()) return message_zh(ErrorCode::PasswordEmpty);
  if (s.confirm.str() != s.password.str()) return message_zh(ErrorCode::PasswordMismatch);
  return {};
}
std::string_view remark_message(const S& s) {
  return utf8_length(s.remark.str()) > static_cast<size_t>(kAppealRemarkMaxChars) ? message_zh(ErrorCode::AppealRemarkTooLong)
                                                                                  : std::string_view();
}
// A resident ID of someone 16 or older needs its validity dates (the registration rule).
bool needs_validity(const S& s, Date today) {
  if (s.id_type != 0) return false;
  auto id = parse_resident_id(s.id_number.str(), today);
  return id && needs_validity_dates(id->birth_date, today);
}
std::string_view validity_message(const S& s, Date today) {
  if (!needs_validity(s, today)) return {};
  auto id = parse_resident_id(s.id_number.str(), today);
  const auto to = s.long_term ? std::optional<std::string>("long_term") : request_date(s.valid_to);
  return msg(check_validity_fields(true, id->birth_date, request_date(s.valid_from), to, today).verdict);
}

// Enter in any field of the step presses its button (keyboard alone: Tab between fields, Enter).
bool any_enter(const S& s) {
  for (const ui::Field* f : {&s.name, &s.id_number, &s.valid_from, &s.valid_to, &s.uscc, &s.enterprise_name, &s.contact_name,
                             &s.new_phone, &s.account, &s.phone, &s.captcha, &s.sms_code, &s.password, &s.confirm, &s.remark})
    if (f->enter) return true;
  return false;
}

bool next_button(const ui::Form& form, const char* label, bool busy, const S& s) {
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  return ui::PrimaryButton(label, ImVec2(form.field_w(), 40), busy) || (any_enter(s) && !busy);
}

// ---- rows

void text_row(const ui::Form& form, const char* label, const char* hint, const char* field, ui::Field& f,
              std::string_view live, bool submitted, bool required_field = true, bool upper = false) {
  ui::TextFieldSpec spec;
  spec.label = label;
  spec.hint = hint;
  spec.field = field;
  spec.required = required_field;
  if (upper) spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, f, live, submitted);
}

void phone_row(const ui::Form& form, const char* label, const char* field, ui::Field& f, std::string_view live,
               bool submitted, bool required_field = true) {
  ui::TextFieldSpec spec;
  spec.label = label;
  spec.hint = "请输入11位手机号码";
  spec.field = field;
  spec.required = required_field;
  spec.keyboard = ui::Keyboard::Digits;
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  CheckedRow(form, spec, f, live, submitted);
}

void id_type_row(const ui::Form& form, S& s) {
  ui::RowLabel(form, "证件类型", true);
  if (ui::Combo("证件类型", &s.id_type, RepIdTypeLabels(), form.field_w())) s.id_number.reset();
  ui::RowGap();
}

void validity_rows(const PageContext& ctx, S& s) {
  const ui::Form& form = ctx.form;
  if (!needs_validity(s, ctx.today)) return;
  ui::TextFieldSpec spec;
  spec.label = "有效期开始日期";
  spec.hint = "YYYY-MM-DD";
  spec.field = "legal_rep_id_valid_from";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  ui::TextField(form, spec, s.valid_from, false);
  ui::RowGap();
  ImGui::SetCursorPosX(form.field_x());
  ui::AlignCompactRow();
  ui::Checkbox("长期有效", &s.long_term);
  ui::RowGap(8);
  if (!s.long_term) {
    spec.label = "有效期结束日期";
    spec.field = "legal_rep_id_valid_to";
    ui::TextField(form, spec, s.valid_to, false);
  }
  const bool touched = s.valid_from.dirty || s.valid_from.visited || s.valid_to.dirty || s.valid_to.visited;
  std::string_view m = !s.valid_from.server_error.empty() ? std::string_view(s.valid_from.server_error)
                       : !s.valid_to.server_error.empty() ? std::string_view(s.valid_to.server_error)
                       : (touched || s.submitted)          ? validity_message(s, ctx.today)
                                                           : std::string_view();
  ui::FieldError(form, m, "legal_rep_id_valid_from");
}

// 手机号 + 图形验证码 + 短信验证码 (purpose appeal).
void phone_sms_rows(const PageContext& ctx, S& s, const char* phone_label, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  const std::string_view phone_msg = msg(check_phone(s.phone.str()));
  const std::string_view captcha_msg = required(s.captcha, "请输入图形验证码");
  phone_row(form, phone_label, "phone", s.phone, phone_msg, s.submitted);
  // The captcha answers once: after a send it is empty again, and only 辅助企业注册申诉 sends one
  // more with the appeal.
  const bool captcha_for_appeal = s.kind == "enterprise_register_assist";
  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, s.submitted && captcha_for_appeal)))
    out.refresh_captcha = true;
  const std::string_view code_msg = required(s.sms_code, "请输入短信验证码");
  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, code_msg, s.submitted))) {
    if (phone_msg.empty() && captcha_msg.empty()) {
      out.request_sms = true;
    } else {
      s.phone.visited = true;  // say why the code cannot be sent yet
      s.captcha.visited = true;
      (phone_msg.empty() ? s.captcha : s.phone).focus_request = true;
    }
  }
}

// The server's check: a person's password must not contain their name; an account's, the account.
std::string_view password_message(const PageContext& ctx, const S& s) {
  const bool person = s.kind == "person_phone_taken" || s.kind == "person_id_taken";
  return msg(check_password(s.password.str(), s.account.str(), ctx.profile->password, person ? s.name.str() : std::string_view()));
}

void password_rows(const PageContext& ctx, S& s, const char* label) {
  const ui::Form& form = ctx.form;
  ui::TextFieldSpec spec;
  spec.label = label;
  spec.hint = "请设置新密码";
  spec.field = "password";
  spec.keyboard = ui::Keyboard::Password;
  NewPasswordRow(form, ctx.profile->password, spec, s.password,
                 ShownError(s.password, password_message(ctx, s), s.submitted));
  PasswordStrengthRow(form, s.password.str(), ctx.profile->password);
  spec = {};
  spec.label = "确认密码";
  spec.hint = "请再次输入密码";
  spec.field = "password_confirm";
  spec.keyboard = ui::Keyboard::Password;
  CheckedRow(form, spec, s.confirm, confirm_message(s), s.submitted);
}

// 申诉备注 (000: 0/150): the count of characters typed, live.
void remark_row(const ui::Form& form, S& s) {
  ui::TextFieldSpec spec;
  spec.label = "申诉备注";
  spec.hint = "可补充说明申诉原因（选填）";
  spec.field = "remark";
  spec.required = false;
  ui::TextField(form, spec, s.remark, !remark_message(s).empty());
  const std::string count = std::to_string(utf8_length(s.remark.str())) + "/" + std::to_string(kAppealRemarkMaxChars);
  const float w = ImGui::CalcTextSize(count.c_str()).x;
  ImGui::SetCursorPosX(form.field_x() + form.field_w() - w);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(remark_message(s).empty() ? ui::color::kMuted : ui::color::kError));
  ImGui::TextUnformatted(count.c_str());
  ImGui::PopStyleColor();
  a11y::Node n;
  n.role = a11y::Role::Status;
  n.label = "申诉备注字数";
  n.text = count;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
  ui::FieldError(form, ShownError(s.remark, remark_message(s), true), "remark");
}

// ---- the form steps of each kind

// 重置密码 / 设置密码 with the remark: the step that files the appeal.
void password_step(const PageContext& ctx, S& s, AppealFormActions& out) {
  password_rows(ctx, s, "新密码");
  remark_row(ctx.form, s);
  if (next_button(ctx.form, "下一步", s.busy, s)) {
    s.submitted = true;
    if (all_pass({{password_message(ctx, s), &s.password},
                  {confirm_message(s), &s.confirm}, {remark_message(s), &s.remark}}))
      out.create = true;
  }
}

void person_identity_rows(const PageContext& ctx, S& s) {
  id_type_row(ctx.form, s);
  text_row(ctx.form, "姓名", "请输入证件上的姓名", "name", s.name, RepNameMessage(s.name.str()), s.submitted);
  text_row(ctx.form, "证件号码", "请输入证件号码", "id_number", s.id_number, RepIdNumberMessage(s.id_type, s.id_number.str(), ctx.today),
           s.submitted, true, true);
}

void go_next(S& s) {
  ++s.step;
  s.submitted = false;
  s.error.clear();
}

void phone_taken(const PageContext& ctx, S& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  if (s.step == 0) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("请填写您本人正在使用、但已被他人注册的手机号码，并完成短信验证。", form.field_w());
    ui::RowGap(8);
    phone_sms_rows(ctx, s, "申诉手机号", out);
    if (next_button(form, "下一步", false, s)) {
      s.submitted = true;
      if (all_pass({{msg(check_phone(s.phone.str())), &s.phone}, {required(s.sms_code, "请输入短信验证码"), &s.sms_code}})) go_next(s);
    }
  } else if (s.step == 1) {
    person_identity_rows(ctx, s);
    if (next_button(form, "下一步", false, s)) {
      s.submitted = true;
      if (all_pass({{RepNameMessage(s.name.str()), &s.name},
                    {RepIdNumberMessage(s.id_type, s.id_number.str(), ctx.today), &s.id_number}}))
        go_next(s);
    }
  } else {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("申诉通过后，该手机号将绑定到您的账号，请设置登录密码。", form.field_w());
    ui::RowGap(8);
    password_step(ctx, s, out);
  }
}

void id_taken(const PageContext& ctx, S& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  if (s.step == 0) {
    person_identity_rows(ctx, s);
    const std::string_view captcha_msg = required(s.captcha, "请输入图形验证码");
    if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, s.submitted))) out.refresh_captcha = true;
    if (next_button(form, "下一步", false, s)) {
      s.submitted = true;
      if (all_pass({{RepNameMessage(s.name.str()), &s.name},
                    {RepIdNumberMessage(s.id_type, s.id_number.str(), ctx.today), &s.id_number},
                    {captcha_msg, &s.captcha}})) {
        // The answer goes with the appeal; the next step's SMS needs a picture of its own.
        s.id_captcha_id = s.captcha_image.id;
        s.id_captcha_answer = std::string(s.captcha.str());
        s.captcha.reset();
        out.refresh_captcha = true;
        go_next(s);
      }
    }
  } else {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("请填写新的绑定手机号并设置登录密码，申诉通过后使用新手机号登录。", form.field_w());
    ui::RowGap(8);
    phone_sms_rows(ctx, s, "新手机号", out);
    password_rows(ctx, s, "新密码");
    remark_row(form, s);
    if (next_button(form, "下一步", s.busy, s)) {
      s.submitted = true;
      if (all_pass({{msg(check_phone(s.phone.str())), &s.phone}, {required(s.sms_code, "请输入短信验证码"), &s.sms_code},
                    {password_message(ctx, s), &s.password},
                    {confirm_message(s), &s.confirm}, {remark_message(s), &s.remark}}))
        out.create = true;
    }
  }
}

void uscc_lookup_rows(const PageContext& ctx, S& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  ui::TextFieldSpec spec;
  spec.label = "统一社会信用代码";
  spec.hint = "请输入18位统一社会信用代码";
  spec.field = "uscc";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  if (CheckedRow(form, spec, s.uscc, UsccMessage(s.uscc.str()), s.submitted)) s.masked_name.clear();
  ImGui::SetCursorPosX(form.field_x());
  if (ui::SecondaryButton(s.looking_up ? "正在查询…" : "查询企业", ImVec2(form.field_w(), 36), s.looking_up)) {
    s.submitted = true;
    if (all_pass({{UsccMessage(s.uscc.str()), &s.uscc}})) out.lookup_enterprise = true;
  }
  ui::RowGap(10);
  if (!s.masked_name.empty()) ReadOnlyRow(form, "企业名称", s.masked_name);
}

void enterprise_account(const PageContext& ctx, S& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  if (s.step == 0) {
    uscc_lookup_rows(ctx, s, out);
    if (!s.masked_name.empty()) {
      ImGui::SetCursorPosX(form.field_x());
      ui::Note("请确认以上企业为申诉的企业。", form.field_w());
      if (next_button(form, "下一步", false, s)) go_next(s);
    }
  } else if (s.step == 1) {
    text_row(form, "新联系人姓名", "请输入新联系人姓名", "contact_name", s.contact_name, RepNameMessage(s.contact_name.str()), s.submitted);
    text_row(form, "联系人身份证号", "请输入新联系人身份证号码", "contact_id_number", s.id_number,
             RepIdNumberMessage(0, s.id_number.str(), ctx.today), s.submitted, true, true);
    phone_sms_rows(ctx, s, "新联系手机", out);
    if (next_button(form, "下一步", false, s)) {
      s.submitted = true;
      if (all_pass({{RepNameMessage(s.contact_name.str()), &s.contact_name},
                    {RepIdNumberMessage(0, s.id_number.str(), ctx.today), &s.id_number},
                    {msg(check_phone(s.phone.str())), &s.phone}, {required(s.sms_code, "请输入短信验证码"), &s.sms_code}}))
        go_next(s);
    }
  } else {
    password_step(ctx, s, out);
  }
}

void register_assist(const PageContext& ctx, S& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  const Profile& profile = *ctx.profile;
  SectionTitle(form, "企业信息");
  OrgTypeRow(form, profile, &s.org_type);
  text_row(form, "企业名称", "请输入营业执照上的名称", "enterprise_name", s.enterprise_name, EnterpriseNameMessage(s.enterprise_name.str()), s.submitted);
  text_row(form, "统一社会信用代码", "请输入18位统一社会信用代码", "uscc", s.uscc, UsccMessage(s.uscc.str()), s.submitted, true, true);
  SectionTitle(form, "法定代表人信息");
  text_row(form, "法定代表人姓名", "请输入法定代表人姓名", "legal_rep_name", s.name, RepNameMessage(s.name.str()), s.submitted);
  id_type_row(form, s);
  text_row(form, "法定代表人证件号码", "请输入证件号码", "legal_rep_id_number", s.id_number,
           RepIdNumberMessage(s.id_type, s.id_number.str(), ctx.today), s.submitted, true, true);
  validity_rows(ctx, s);
  SectionTitle(form, "账号信息");
  const std::string_view account_msg = msg(check_account_name(s.account.str(), profile.account_name));
  text_row(form, "法人账号", "请设置法人账号", "account", s.account, account_msg, s.submitted);
  password_rows(ctx, s, "登录密码");
  phone_sms_rows(ctx, s, "联系手机", out);
  remark_row(form, s);
  if (next_button(form, "下一步", s.busy, s)) {
    s.submitted = true;
    if (all_pass({{EnterpriseNameMessage(s.enterprise_name.str()), &s.enterprise_name}, {UsccMessage(s.uscc.str()), &s.uscc},
                  {RepNameMessage(s.name.str()), &s.name},
                  {RepIdNumberMessage(s.id_type, s.id_number.str(), ctx.today), &s.id_number},
                  {validity_message(s, ctx.today), &s.valid_from}, {account_msg, &s.account},
                  {password_message(ctx, s), &s.password},
                  {confirm_message(s), &s.confirm}, {msg(check_phone(s.phone.str())), &s.phone},
                  {required(s.sms_code, "请输入短信验证码"), &s.sms_code},
                  // The appeal takes a captcha too: the one shown after the SMS went out.
                  {required(s.captcha, "请输入图形验证码"), &s.captcha}, {remark_message(s), &s.remark}}))
      out.create = true;
  }
}

void info_change(const PageContext& ctx, S& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  SectionTitle(form, "企业信息");
  text_row(form, "统一社会信用代码", "请输入18位统一社会信用代码", "uscc", s.uscc, UsccMessage(s.uscc.str()), s.submitted, true, true);
  SectionTitle(form, "需要修改的信息");
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("请至少填写一项需要修改的内容。", form.field_w());
  ui::RowGap(8);
  const std::string_view new_phone_msg = s.new_phone.empty() ? std::string_view() : msg(check_phone(s.new_phone.str()));
  phone_row(form, "新手机号码", "new_phone", s.new_phone, new_phone_msg, s.submitted, false);
  const std::string_view contact_msg = s.contact_name.empty() ? std::string_view() : RepNameMessage(s.contact_name.str());
  text_row(form, "新联系人姓名", "不修改可不填", "contact_name", s.contact_name, contact_msg, s.submitted, false);
  // A new legal representative is named whole: name and document together.
  const bool rep_changed = !s.name.empty() || !s.id_number.empty();
  const std::string_view rep_name_msg = rep_changed ? RepNameMessage(s.name.str()) : std::string_view();
  text_row(form, "新法定代表人", "不修改可不填", "legal_rep_name", s.name, rep_name_msg, s.submitted, false);
  id_type_row(form, s);
  const std::string_view rep_id_msg =
      rep_changed ? RepIdNumberMessage(s.id_type, s.id_number.str(), ctx.today) : std::string_view();
  text_row(form, "法定代表人证件号码", "不修改可不填", "legal_rep_id_number", s.id_number, rep_id_msg, s.submitted, false, true);
  validity_rows(ctx, s);
  const bool nothing = s.new_phone.empty() && s.contact_name.empty() && s.name.empty() && s.id_number.empty();
  SectionTitle(form, "联系方式");
  phone_sms_rows(ctx, s, "联系手机", out);
  remark_row(form, s);
  if (s.submitted && nothing) ui::FieldError(form, "请至少填写一项需要修改的内容", "new_phone");
  if (next_button(form, "下一步", s.busy, s)) {
    s.submitted = true;
    if (all_pass({{UsccMessage(s.uscc.str()), &s.uscc}, {nothing ? "请至少填写一项需要修改的内容" : "", &s.new_phone},
                  {new_phone_msg, &s.new_phone}, {contact_msg, &s.contact_name}, {rep_name_msg, &s.name}, {rep_id_msg, &s.id_number},
                  {validity_message(s, ctx.today), &s.valid_from}, {msg(check_phone(s.phone.str())), &s.phone},
                  {required(s.sms_code, "请输入短信验证码"), &s.sms_code}, {remark_message(s), &s.remark}}))
      out.create = true;
  }
}

}  // namespace

int AppealFormSteps(std::string_view kind) { return flow(kind).form_steps; }

bool AppealStepShowsCaptcha(const AppealFormState& s) {
  if (s.step >= flow(s.kind).form_steps) return false;
  if (s.kind == "person_phone_taken") return s.step == 0;
  if (s.kind == "enterprise_account") return s.step == 1;
  return true;
}

AppealFormState NewAppeal(std::string_view kind) {
  AppealFormState s;
  s.kind = std::string(kind);
  auto add = [&s](std::string_view code, bool required) {
    AppealMaterialSlot slot;
    slot.code = std::string(code);
    slot.required = required;
    s.materials.push_back(std::move(slot));
  };
  for (auto code : required_appeal_materials(kind)) add(code, true);
  for (auto code : optional_appeal_materials(kind)) add(code, false);
  return s;
}

void AppealFormPage(const PageContext& ctx, AppealFormState& s, AppealFormActions& out) {
  const ui::Form& form = ctx.form;
  const AppealKind* kind = find_appeal_kind(s.kind);
  if (!kind) return;
  const Flow& f = flow(s.kind);
  const bool done = s.step > f.form_steps;
  if (TitleRow(form, std::string(kind->label).c_str(), done ? nullptr : "返回")) out.go_home = true;
  StepIndicator(form, f.labels, f.count, std::min(s.step, f.count - 1));
  ui::RowGap(12);
  if (done) {
    AppealDone(ctx, s, out);
    return;
  }
  if (s.step == f.form_steps) {
    AppealMaterialsStep(ctx, s, out);
  } else if (s.kind == "person_phone_taken") {
    phone_taken(ctx, s, out);
  } else if (s.kind == "person_id_taken") {
    id_taken(ctx, s, out);
  } else if (s.kind == "enterprise_account") {
    enterprise_account(ctx, s, out);
  } else if (s.kind == "enterprise_register_assist") {
    register_assist(ctx, s, out);
  } else {
    info_change(ctx, s, out);
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
  if (s.step > 0 && s.step < f.form_steps) {
    ImGui::SetCursorPosX(form.field_x());
    if (ui::LinkButton("上一步")) {
      --s.step;
      s.error.clear();
    }
  }
}

std::string AppealCreateBody(const Profile& profile, const AppealFormState& s, Date today) {
  JsonObject o;
  o.add("kind", s.kind);
  const std::string id_type(RepIdTypeName(s.id_type));
  const std::string id_number = RepIdNumberForRequest(s.id_type, s.id_number.str());
  auto validity = [&](const char* from_key, const char* to_key) {
    if (!needs_validity(s, today)) return;
    if (auto from = request_date(s.valid_from)) o.add(from_key, *from);
    if (s.long_term) o.add(to_key, "long_term");
    else if (auto to = request_date(s.valid_to)) o.add(to_key, *to);
  };
  if (s.kind == "person_phone_taken" || s.kind == "person_id_taken") {
    o.add("id_type", id_type).add("name", s.name.str()).add("id_number", id_number).add("password", s.password.str());
    if (s.kind == "person_id_taken") o.add("captcha_id", s.id_captcha_id).add("captcha_answer", s.id_captcha_answer);
  } else if (s.kind == "enterprise_account") {
    o.add("uscc", s.uscc.str()).add("contact_name", s.contact_name.str())
        .add("contact_id_number", RepIdNumberForRequest(0, s.id_number.str())).add("password", s.password.str());
  } else if (s.kind == "enterprise_register_assist") {
    o.add("organisation_type", ui::CatalogueCode(profile.organisation_types, s.org_type))
        .add("enterprise_name", s.enterprise_name.str()).add("uscc", s.uscc.str())
        .add("legal_rep_name", s.name.str()).add("legal_rep_id_type", id_type).add("legal_rep_id_number", id_number);
    validity("legal_rep_id_valid_from", "legal_rep_id_valid_to");
    o.add("account", s.account.str()).add("password", s.password.str())
        .add("captcha_id", s.captcha_image.id).add("captcha_answer", s.captcha.str());
  } else {
    o.add("uscc", s.uscc.str());
    if (!s.new_phone.empty()) o.add("new_phone", s.new_phone.str());
    if (!s.contact_name.empty()) o.add("contact_name", s.contact_name.str());
    if (!s.name.empty() || !s.id_number.empty()) {
      o.add("legal_rep_name", s.name.str()).add("legal_rep_id_type", id_type).add("legal_rep_id_number", id_number);
      validity("legal_rep_id_valid_from", "legal_rep_id_valid_to");
    }
  }
  o.add("phone", s.phone.str()).add("sms_code", s.sms_code.str());
  if (!s.remark.empty()) o.add("remark", s.remark.str());
  return o.str();
}

bool AppealSetServerError(AppealFormState& s, const std::string& field, const std::string& message) {
  const bool id_taken = s.kind == "person_id_taken", account = s.kind == "enterprise_account";
  const bool one_step = s.kind == "enterprise_register_assist" || s.kind == "enterprise_info_change";
  const int phone_step = one_step ? 0 : id_taken ? 1 : account ? 1 : 0;
  const int identity_step = one_step ? 0 : id_taken ? 0 : account ? 1 : 1;
  const int pw_step = one_step ? 0 : id_taken ? 1 : 2;
  struct { const char* name; ui::Field* f; int step; } map[] = {
      {"phone", &s.phone, phone_step},           {"sms_code", &s.sms_code, phone_step},
      {"name", &s.name, identity_step},          {"legal_rep_name", &s.name, identity_step},
      {"id_number", &s.id_number, identity_step}, {"legal_rep_id_number", &s.id_number, identity_step},
      {"contact_id_number", &s.id_number, identity_step}, {"contact_name", &s.contact_name, identity_step},
      {"captcha_answer", &s.captcha, id_taken ? 0 : phone_step}, {"captcha_id", &s.captcha, id_taken ? 0 : phone_step},
      {"uscc", &s.uscc, 0},                      {"enterprise_name", &s.enterprise_name, 0},
      {"legal_rep_id_valid_from", &s.valid_from, 0}, {"legal_rep_id_valid_to", &s.valid_to, 0},
      {"new_phone", &s.new_phone, 0},            {"account", &s.account, 0},
      {"password", &s.password, pw_step},  {"remark", &s.remark, pw_step}};
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
