// 扫码登录确认: the phone's side of the QR-code login. Opened from the QR code's link
// (#/qr?ticket=...) by a signed-in person (the app signs them in first when needed): it says
// which device is asking (browser and system, address, time), and 确认登录 or 取消.
#pragma once
#include <string>

#include "pages/page.h"

namespace uia::web {

struct QrConfirmState {
  enum class Status { Scanning, Ready, Confirmed, Cancelled, Failed };
  Status status = Status::Scanning;
  std::string ticket;
  std::string requester_ip, requester_agent, requested_at;
  bool busy = false;
  std::string error;  // the server's refusal (expired, used, another account scanned it)
};

struct QrConfirmActions {
  bool confirm = false;    // POST /api/v1/qr-logins/{ticket}/confirm
  bool cancel = false;     // POST /api/v1/qr-logins/{ticket}/cancel
  bool go_centre = false;
};

void QrConfirmPage(const PageContext& ctx, QrConfirmState& s, QrConfirmActions& out);

// "Chrome 浏览器 · Windows" from a User-Agent header (the device as a person recognises it).
std::string DescribeUserAgent(const std::string& user_agent);

}  // namespace uia::web
