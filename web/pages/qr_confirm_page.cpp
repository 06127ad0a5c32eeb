#include "pages/qr_confirm_page.h"

#include <cstdio>

#include "policy/date.h"

namespace uia::web {
namespace {

using Status = QrConfirmState::Status;

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// "2026-11-25T12:00:00Z" → "2026-11-25 20:00:00" (Beijing time, the platform's users' clock).
std::string beijing_time(const std::string& rfc3339) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(rfc3339.c_str(), "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &s) != 6) return rfc3339;
  Date date{y, mo, d};
  h += 8;
  if (h >= 24) {
    h -= 24;
    date = civil_from_days(days_from_civil(date) + 1);
  }
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", date.year, date.month, date.day, h, mi, s);
  return text;
}

void back_button(const ui::Form& form, QrConfirmActions& out) {
  ImGui::SetCursorPosX(form.field_x());
  if (ui::SecondaryButton("返回个人中心", ImVec2(form.field_w(), 40))) out.go_centre = true;
}

}  // namespace

std::string DescribeUserAgent(const std::string& ua) {
  const char* browser = has(ua, "Edg/")       ? "Edge 浏览器"
                        : has(ua, "Firefox/") ? "Firefox 浏览器"
                        : has(ua, "Chrome/")  ? "Chrome 浏览器"
                        : has(ua, "Safari/")  ? "Safari 浏览器"
                                              : "浏览器";
  const char* system = has(ua, "Windows")                        ? "Windows"
                       : has(ua, "Android")                      ? "Android"
                       : has(ua, "iPhone") || has(ua, "iPad")    ? "iOS"
                       : has(ua, "Mac OS X")                     ? "macOS"
                       : has(ua, "Linux")                        ? "Linux"
                                                                 : "";
  return *system ? std::string(browser) + " · " + system : std::string(browser);
}

void QrConfirmPage(const PageContext& ctx, QrConfirmState& s, QrConfirmActions& out) {
  const ui::Form& form = ctx.form;
  TitleRow(form, "扫码登录确认");
  ui::RowGap(8);
  switch (s.status) {
    case Status::Scanning:
      ImGui::SetCursorPosX(form.field_x());
      ui::Note("正在读取登录请求…", form.field_w());
      return;
    case Status::Failed:
      ImGui::SetCursorPosX(form.field_x());
      ui::MessageBox(s.error.empty() ? std::string("二维码无效，请刷新二维码后重新扫码") : s.error, ui::Tone::Error,
                     form.field_w());
      ui::RowGap(14);
      back_button(form, out);
      return;
    case Status::Confirmed:
      ImGui::SetCursorPosX(form.field_x());
      ui::MessageBox("已确认登录，电脑端将自动进入个人中心。", ui::Tone::Success, form.field_w());
      ui::RowGap(14);
      back_button(form, out);
      return;
    case Status::Cancelled:
      ImGui::SetCursorPosX(form.field_x());
      ui::MessageBox("已取消本次扫码登录。", ui::Tone::Info, form.field_w());
      ui::RowGap(14);
      back_button(form, out);
      return;
    case Status::Ready: break;
  }
  ImGui::SetCursorPosX(form.field_x());
  ui::MessageBox("以下设备正在请求登录您的账号，请确认是否为本人操作。如非本人操作，请点击取消。", ui::Tone::Info,
                 form.field_w());
  ui::RowGap(12);
  ReadOnlyRow(form, "登录设备", DescribeUserAgent(s.requester_agent));
  ReadOnlyRow(form, "IP地址", s.requester_ip);
  ReadOnlyRow(form, "请求时间", beijing_time(s.requested_at));
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("确认登录", ImVec2(form.field_w(), 40), s.busy)) out.confirm = true;
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.field_x());
  if (ui::SecondaryButton("取消", ImVec2(form.field_w(), 40), s.busy)) out.cancel = true;
  ui::RowGap(10);
  ResultMessage(form, s.error, std::string());
}

}  // namespace uia::web
