// QR-code login, the REST side of both ends (pages/login_qr.h on the desktop, pages/
// qr_confirm_page.h on the phone). The desktop asks for a ticket, shows its QR code and asks
// every two seconds where it stands (one ask in flight at most; a lost answer only delays the
// next); the confirmed answer is the sign-in itself (the HttpOnly cookie arrives with it). The
// phone reaches its page from the link in the QR code (#/qr?ticket=...), signing in first when
// it has no session.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "app.h"
#include "js_bridge.h"
#include "json.h"
#include "platform.h"

namespace uia::web {
namespace {

constexpr double kQrPollSeconds = 2.0;
constexpr const char* kQrRoute = "#/qr?ticket=";

bool qr_live(const QrLoginState& s) {
  return s.status == QrLoginState::Status::Pending || s.status == QrLoginState::Status::Scanned;
}

}  // namespace

// ---- desktop ----------------------------------------------------------------------------------

void App::frame_qr_login(const PageContext& ctx, const QrLoginActions& a) {
  QrLoginState& s = login_.qr;
  if (a.refresh) qr_create();
  if (!qr_live(s)) return;
  if (ctx.now >= s.expires_at) {
    s.status = QrLoginState::Status::Expired;  // the server agrees: it refuses from the same second
    return;
  }
  if (!s.polling && ctx.now >= s.next_poll_at) qr_poll();
  // The countdown ticks every second; the next poll is due at next_poll_at.
  const double tick = 1.0 - std::fmod(std::max(0.0, s.expires_at - ctx.now), 1.0);
  wake_after(std::max(0.05, std::min(tick, s.polling ? 0.5 : s.next_poll_at - ctx.now)));
}

void App::qr_create() {
  QrLoginState& s = login_.qr;
  if (s.status == QrLoginState::Status::Loading) return;
  images::release(s.image);
  s = QrLoginState{};
  s.status = QrLoginState::Status::Loading;
  JsonObject body;
  body.add("origin", js::location_origin());
  net::send("POST", "/api/v1/qr-logins", body.str(), [this](const net::Response& r) {
    QrLoginState& s = login_.qr;
    if (s.status != QrLoginState::Status::Loading) return;
    if (!r.ok() || r.get("ticket").empty()) {
      s.status = QrLoginState::Status::Failed;
      s.message = net::failure_message(r, "扫码登录");
      return;
    }
    s.ticket = r.get("ticket");
    s.poll_token = r.get("poll_token");
    s.link = r.get("url");
    const int ttl = std::atoi(r.get("expires_in").c_str());
    s.expires_at = now_ + (ttl > 0 ? ttl : 120);
    const int interval = std::atoi(r.get("poll_interval").c_str());
    s.next_poll_at = now_ + (interval > 0 ? interval : kQrPollSeconds);
    s.status = QrLoginState::Status::Pending;
    const std::string ticket = s.ticket;
    images::load(r.get("qr"), [this, ticket](const images::Image& img) {
      QrLoginState& s = login_.qr;
      if (s.ticket != ticket) {  // refreshed meanwhile: this picture is stale
        images::Image stale = img;
        images::release(stale);
        return;
      }
      images::release(s.image);
      s.image = img;
    });
  });
}

void App::qr_poll() {
  QrLoginState& s = login_.qr;
  s.polling = true;
  const std::string ticket = s.ticket;
  net::send("GET", "/api/v1/qr-logins/" + ticket + "?poll_token=" + s.poll_token, "",
            [this, ticket](const net::Response& r) {
              QrLoginState& s = login_.qr;
              s.polling = false;
              s.next_poll_at = now_ + kQrPollSeconds;
              if (s.ticket != ticket || !qr_live(s)) return;  // refreshed or over meanwhile
              if (r.status <= 0 || r.status >= 500) return;    // network trouble: ask again shortly
              const std::string status = r.get("status");
              if (r.ok() && status == "confirmed") {
                images::release(s.image);
                s = QrLoginState{};  // a later visit to the tab starts with a new code
                signed_in(r);
                return;
              }
              if (r.ok()) {
                s.status = status == "scanned" ? QrLoginState::Status::Scanned : QrLoginState::Status::Pending;
                s.scanned_by = r.get("scanned_by.name");
                return;
              }
              const std::string code = r.get("error.code");
              if (code == "QR_LOGIN_EXPIRED") {
                s.status = QrLoginState::Status::Expired;
                return;
              }
              s.status = QrLoginState::Status::Over;
              s.message = code == "QR_LOGIN_CANCELLED" ? std::string("已在手机上取消登录")
                                                       : net::failure_message(r, "扫码登录");
            });
}

// ---- phone ------------------------------------------------------------------------------------

void App::follow_location_hash() {
  const std::string hash = js::location_hash();
  if (hash.rfind(kQrRoute, 0) != 0) return;
  std::string ticket = hash.substr(std::string(kQrRoute).size());
  ticket = ticket.substr(0, std::min(ticket.find('&'), std::size_t{64}));
  js::clear_location_hash();  // handled once; a reload then opens the centre, not a second scan
  if (ticket.empty()) return;
  qr_ticket_waiting_ = ticket;
  if (restore_ != Restore::Done) return;  // restore_session() takes it from here
  if (net::has_csrf_token())
    open_qr_confirm();
  else
    ask_sign_in_for_qr();
}

void App::ask_sign_in_for_qr() {
  login_.error.clear();
  login_.success = "请先登录，登录后将继续确认扫码登录";
  go(Page::Login);
}

void App::open_qr_confirm() {
  qr_confirm_ = QrConfirmState{};
  qr_confirm_.ticket = qr_ticket_waiting_;
  qr_ticket_waiting_.clear();
  go(Page::QrConfirm);
  qr_step("scan");
}

void App::frame_qr_confirm(const PageContext& ctx) {
  QrConfirmActions a;
  QrConfirmPage(ctx, qr_confirm_, a);
  if (a.confirm) qr_step("confirm");
  if (a.cancel) qr_step("cancel");
  if (a.go_centre) {
    centre_ = CentreState{};
    go(Page::Centre);
  }
}

void App::qr_step(const char* step) {
  QrConfirmState& s = qr_confirm_;
  if (s.busy) return;
  s.busy = true;
  s.error.clear();
  const std::string ticket = s.ticket;
  const std::string name = step;
  net::send("POST", "/api/v1/qr-logins/" + ticket + "/" + name, "{}", [this, ticket, name](const net::Response& r) {
    QrConfirmState& s = qr_confirm_;
    s.busy = false;
    if (s.ticket != ticket) return;
    if (r.status == 401 || r.get("error.code") == "CSRF_INVALID") {
      // The phone's session ended: sign in again, then come back to this ticket.
      qr_ticket_waiting_ = ticket;
      signed_out("请先登录，登录后将继续确认扫码登录");
      return;
    }
    if (!r.ok()) {
      s.status = QrConfirmState::Status::Failed;
      s.error = net::failure_message(r, "扫码登录");
      return;
    }
    s.requester_ip = r.get("requester.client_ip");
    s.requester_agent = r.get("requester.user_agent");
    s.requested_at = r.get("requester.requested_at");
    const std::string status = r.get("status");
    s.status = status == "confirmed"   ? QrConfirmState::Status::Confirmed
               : status == "cancelled" ? QrConfirmState::Status::Cancelled
                                       : QrConfirmState::Status::Ready;
    scroll_to_top_ = true;
  });
}

}  // namespace uia::web
