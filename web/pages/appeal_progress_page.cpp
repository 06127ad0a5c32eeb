#include "pages/appeal_progress_page.h"

#include "appeals/appeals.h"
#include "json.h"
#include "pages/centre_page.h"  // LocalTime
#include "pages/enterprise_fields.h"
#include "policy/contact.h"

namespace uia::web {
namespace {

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

void answer(const ui::Form& form, AppealProgressState& s, AppealProgressActions& out) {
  SectionTitle(form, "申诉进度");
  ReadOnlyRow(form, "申诉编号", s.case_number.str());
  ReadOnlyRow(form, "申诉类型", s.kind_label);
  const std::string_view label = appeal_status_label(s.status);
  ReadOnlyRow(form, "申诉状态", label.empty() ? std::string_view(s.status) : label);
  ReadOnlyRow(form, "提交时间", LocalTime(s.submitted_at));
  if (!appeal_status_final(s.status)) {
    ReadOnlyRow(form, "审核截止时间", LocalTime(s.due_at));
  } else {
    ReadOnlyRow(form, "办结时间", LocalTime(s.decided_at));
  }
  if (s.status == "rejected") {
    ReadOnlyRow(form, "驳回原因", s.reason);
    if (ImGui::CalcTextSize(s.reason.c_str()).x > form.field_w() - 24) {  // a long reason, whole
      ImGui::SetCursorPosX(form.field_x());
      ui::Note(s.reason, form.field_w(), ui::color::kText);
      ui::RowGap(8);
    }
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("如对审核结果有疑问，可补充材料后重新提交申诉。", form.field_w());
    ui::RowGap(8);
  }
  if (s.status == "approved") {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox("申诉已通过，请使用申诉时设置的手机号和密码登录。", ui::Tone::Success, form.field_w());
    ui::RowGap(10);
    ImGui::SetCursorPosX(form.field_x());
    if (ui::PrimaryButton("去登录", ImVec2(form.field_w(), 40))) out.go_login = true;
  }
  ui::RowGap(10);
}

}  // namespace

void AppealProgressPage(const PageContext& ctx, AppealProgressState& s, AppealProgressActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "申诉进度查询", "返回")) out.go_home = true;
  ui::RowGap(4);
  if (s.found) {
    answer(form, s, out);
    ImGui::SetCursorPosX(form.field_x());
    if (ui::SecondaryButton("重新查询", ImVec2(form.field_w(), 40))) {
      s.found = false;
      s.sms_code.reset();
      s.submitted = false;
    }
    return;
  }

  const std::string_view case_msg = s.case_number.empty() ? std::string_view("请输入申诉编号") : std::string_view();
  const std::string_view phone_msg = msg(check_phone(s.phone.str()));
  const std::string_view captcha_msg = s.captcha.empty() ? std::string_view("请输入图形验证码") : std::string_view();
  const std::string_view code_msg = s.sms_code.empty() ? std::string_view("请输入短信验证码") : std::string_view();
  ui::TextFieldSpec spec;
  spec.label = "申诉编号";
  spec.hint = "请输入申诉编号";
  spec.field = "case_number";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsUppercase;
  CheckedRow(form, spec, s.case_number, case_msg, s.submitted);
  spec = {};
  spec.label = "手机号码";
  spec.hint = "申诉时填写的手机号码";
  spec.field = "phone";
  spec.keyboard = ui::Keyboard::Digits;
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  CheckedRow(form, spec, s.phone, phone_msg, s.submitted);
  if (CaptchaRow(form, s.captcha, s.captcha_image, ShownError(s.captcha, captcha_msg, false))) out.refresh_captcha = true;
  if (SmsCodeRow(ctx, s.sms_code, s.sms, ShownError(s.sms_code, code_msg, s.submitted))) {
    if (phone_msg.empty() && captcha_msg.empty()) {
      out.request_sms = true;
    } else {
      s.phone.visited = true;
      s.captcha.visited = true;
      (phone_msg.empty() ? s.captcha : s.phone).focus_request = true;
    }
  }
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("查询", ImVec2(form.field_w(), 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    ui::Field* first = !case_msg.empty() ? &s.case_number : !phone_msg.empty() ? &s.phone : !code_msg.empty() ? &s.sms_code : nullptr;
    if (first) first->focus_request = true;
    else out.query = true;
  }
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

std::string AppealProgressBody(const AppealProgressState& s) {
  JsonObject o;
  o.add("case_number", s.case_number.str()).add("phone", s.phone.str()).add("sms_code", s.sms_code.str());
  return o.str();
}

}  // namespace uia::web
