// 扫码登录 on the login page (seeds 000 "用户点击登录右上角二维码可切换二维码登录方式", 003
// "切换扫码登录"): a QR code holding a two-minute ticket, its countdown and where it stands
// (等待扫码 → 已扫码，请在手机上确认 → signed in; or 已过期 with 刷新二维码). The phone that scans
// it is the same web client, signed in, on its 扫码登录确认 page (qr_confirm_page.h).
#pragma once
#include <string>

#include "images.h"
#include "pages/page.h"

namespace uia::web {

struct QrLoginState {
  enum class Status { Empty, Loading, Pending, Scanned, Expired, Over, Failed };
  Status status = Status::Empty;
  std::string ticket, poll_token;
  std::string link;        // what the QR code holds (also in the mirror, for tests and screen readers)
  images::Image image;
  double expires_at = 0;   // PageContext::now
  double next_poll_at = 0;
  bool polling = false;    // a poll in flight (never two)
  std::string scanned_by;  // masked name of who scanned
  std::string message;     // why it is over (cancelled on the phone, used, failed to load)
};

struct QrLoginActions {
  bool refresh = false;  // 刷新二维码 (or the first code): POST /api/v1/qr-logins
};

void QrLoginPanel(const PageContext& ctx, QrLoginState& s, QrLoginActions& out);

}  // namespace uia::web
