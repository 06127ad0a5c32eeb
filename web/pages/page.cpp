#include "pages/page.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "a11y.h"
#include "policy/account.h"

namespace uia::web {

bool CaptchaButton(const CaptchaState& captcha, ImVec2 size) {
  const char* placeholder = "";
  switch (captcha.status) {
    case CaptchaState::Status::Empty:
    case CaptchaState::Status::Loading: placeholder = "加载中…"; break;
    case CaptchaState::Status::Failed: placeholder = "点击重试"; break;
    case CaptchaState::Status::Ready: placeholder = ""; break;
  }
  ImTextureID tex = captcha.status == CaptchaState::Status::Ready ? captcha.image.texture : nullptr;
  return ui::ImageButton("刷新图形验证码", tex, size, placeholder,
                         ImVec2(static_cast<float>(captcha.image.width), static_cast<float>(captcha.image.height)));
}

std::string_view ShownError(const ui::Field& f, std::string_view live_message, bool submitted) {
  if (!f.server_error.empty()) return f.server_error;
  return f.should_show_error(submitted) ? live_message : std::string_view();
}

bool CaptchaRow(const ui::Form& form, ui::Field& answer, const CaptchaState& captcha, std::string_view message) {
  ui::TextFieldSpec spec;
  spec.label = "图形验证码";
  spec.hint = "请输入图形验证码";
  spec.field = "captcha_answer";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank;
  spec.trailing = 112;
  ui::TextField(form, spec, answer, !message.empty());
  ui::Trailing(form, spec);
  bool refresh = CaptchaButton(captcha, ImVec2(spec.trailing, ImGui::GetFrameHeight()));
  ui::FieldError(form, message, spec.field);
  return refresh;
}

bool SmsCodeRow(const PageContext& ctx, ui::Field& code, const SmsState& sms, std::string_view message) {
  const ui::Form& form = ctx.form;
  ui::TextFieldSpec spec;
  spec.label = "短信验证码";
  spec.hint = "请输入验证码";
  spec.field = "sms_code";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  spec.trailing = 112;
  ui::TextField(form, spec, code, !message.empty());
  ui::Trailing(form, spec);
  bool pressed = ui::CountdownButton("获取验证码", sms.resend_at - ctx.now,
                                     ImVec2(spec.trailing, ImGui::GetFrameHeight()), sms.busy);
  if (!message.empty()) {
    ui::FieldError(form, message, spec.field);
  } else if (!sms.error.empty()) {
    ui::FieldError(form, sms.error, spec.field);
  } else if (!sms.info.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note(sms.info, form.field_w());
    ui::RowGap(8);
  } else {
    ui::RowGap();
  }
  return pressed;
}

bool TabRow(const ui::Form& form, const char* const labels[], int count, int* selected) {
  // As many equal columns as fit with room around the longest label.
  float longest = 0;
  for (int i = 0; i < count; ++i) longest = std::max(longest, ImGui::CalcTextSize(labels[i]).x);
  const int fit = std::max(1, static_cast<int>(form.width / (longest + 12.0f)));
  const int columns = std::min(count, fit);
  const int rows = (count + columns - 1) / columns;
  const float tab_w = std::floor(form.width / static_cast<float>((count + rows - 1) / rows));
  const int per_row = (count + rows - 1) / rows;
  bool changed = false;
  for (int i = 0; i < count; ++i) {
    if (i % per_row == 0) {
      ImGui::SetCursorPosX(form.x);
    } else {
      ImGui::SameLine(0, 0);
    }
    if (ui::Tab(labels[i], *selected == i, tab_w) && *selected != i) {
      *selected = i;
      changed = true;
    }
  }
  // A short last row: its bottom line runs on to the form's edge like the rows above.
  if (count % per_row != 0) {
    const ImVec2 end = ImGui::GetItemRectMax();
    const float right = ImGui::GetWindowPos().x + form.x + form.width;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(end.x, end.y - 1), ImVec2(right, end.y - 1), ui::color::kBorder);
  }
  return changed;
}

void StepIndicator(const ui::Form& form, const char* const labels[], int count, int current) {
  static const char* const kNumbers[] = {"①", "②", "③", "④", "⑤"};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float slot = form.width / static_cast<float>(count);
  const float h = ImGui::GetTextLineHeight() + 14.0f;
  ImGui::SetCursorPosX(form.x);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  // Too many steps for the width (a phone): numbers in the bar, the current step named under it.
  bool fits = true;
  for (int i = 0; i < count && i < 5; ++i) {
    char text[96];
    std::snprintf(text, sizeof text, "%s %s", kNumbers[i], labels[i]);
    fits = fits && ImGui::CalcTextSize(text).x <= slot - 4.0f;
  }
  for (int i = 0; i < count && i < 5; ++i) {
    const ImU32 col = i < current ? ui::color::kSuccess : i == current ? ui::color::kPrimary : ui::color::kMuted;
    const ImU32 bar = i <= current ? col : ui::color::kBorder;
    char text[96];
    std::snprintf(text, sizeof text, "%s %s", kNumbers[i], fits ? labels[i] : "");
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float x0 = p.x + slot * static_cast<float>(i);
    dl->AddText(ImVec2(x0 + std::max(0.0f, (slot - ts.x) * 0.5f), p.y), col, text);
    dl->AddRectFilled(ImVec2(x0 + 4, p.y + h - 4), ImVec2(x0 + slot - 4, p.y + h - 1), bar, 1.5f);
  }
  ImGui::Dummy(ImVec2(form.width, h));
  if (!fits && current >= 0 && current < count) {
    char text[96];
    std::snprintf(text, sizeof text, "%s %s", kNumbers[current < 5 ? current : 4], labels[current]);
    ImGui::SetCursorPosX(form.x);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kPrimary));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
  }
  // One status line for screen readers: the step names and which one this is.
  a11y::Node n;
  n.role = a11y::Role::Status;
  n.label = std::string("第") + std::to_string(current + 1) + "步，共" + std::to_string(count) + "步：" + labels[current];
  n.text = n.label;
  n.min = p;
  n.max = ImVec2(p.x + form.width, p.y + h);
  a11y::add(std::move(n));
}

void ReadOnlyRow(const ui::Form& form, const char* label, std::string_view value) {
  ui::Field shown;
  shown.set(value.empty() ? std::string_view("—") : value);
  ui::TextFieldSpec spec;
  spec.label = label;
  spec.required = false;
  spec.read_only = true;
  ui::TextField(form, spec, shown, false);
  ui::RowGap(8);
}

std::string AccountRuleHint(const AccountNamePolicy& policy) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "账号应为%d-%d位字符，字母开头", policy.min_length, policy.max_length);
  return buf;
}

void NewPasswordRow(const ui::Form& form, const PasswordPolicy& policy, const ui::TextFieldSpec& spec,
                    ui::Field& field, std::string_view message) {
  ui::TextField(form, spec, field, !message.empty());
  if (!message.empty()) {
    ui::FieldError(form, message, spec.field);
    return;
  }
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("密码应为" + password_rule_text(policy), form.field_w());
  ui::RowGap(8);
}

bool TitleRow(const ui::Form& form, const char* title, const char* link) {
  ImGui::SetCursorPosX(form.x);
  ui::Heading(title);
  bool pressed = false;
  if (link) {
    ImGui::SameLine();
    ImGui::SetCursorPosX(form.x + form.width - ImGui::CalcTextSize(link).x - 8);
    pressed = ui::LinkButton(link);
  }
  ui::RowGap(6);
  return pressed;
}

void ResultMessage(const ui::Form& form, const std::string& error, const std::string& success) {
  if (error.empty() && success.empty()) return;
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox(error.empty() ? success : error, error.empty() ? ui::Tone::Success : ui::Tone::Error, form.field_w());
  ui::RowGap(10);
}

}  // namespace uia::web
