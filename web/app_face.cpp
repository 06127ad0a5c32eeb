// 人脸识别认证 (pages/face_page.h): the REST side. The page waits by asking the server every two
// seconds; a request in flight is never doubled, and a lost answer only delays the next ask.
#include <algorithm>
#include <cstdlib>

#include "app.h"
#include "platform.h"

namespace uia::web {
namespace {
constexpr double kPollSeconds = 2.0;
}

void App::frame_face(const PageContext& ctx) {
  FaceState& s = face_;
  if (s.mode == FaceState::kRetry) keep_captcha_fresh(s.captcha_image);
  FaceActions a;
  FacePage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.retry) face_retry();
  if (a.go_login) {
    if (s.for_enterprise)
      go_enterprise_login();
    else
      go(Page::Login);
  }
  if (a.go_enterprise_register) {  // the withdrawn registration's details stay filled in
    enterprise_register_.outcome = EnterpriseRegisterState::kForm;
    go(Page::EnterpriseRegister);
  }
  if (s.mode == FaceState::kWaiting) {
    if (!s.polling && ctx.now >= s.next_poll_at) face_poll();
    wake_after(s.polling ? 0.5 : std::max(0.05, std::min(1.0, s.next_poll_at - ctx.now)));  // the countdown ticks too
  }
}

void App::face_poll() {
  FaceState& s = face_;
  s.polling = true;
  const std::string ticket = s.ticket;
  net::send("GET", "/api/v1/face/checks/" + ticket, "", [this, ticket](const net::Response& r) {
    FaceState& s = face_;
    s.polling = false;
    s.next_poll_at = now_ + kPollSeconds;
    if (s.mode != FaceState::kWaiting || s.ticket != ticket) return;  // the page moved on meanwhile
    if (!r.ok()) {
      if (r.status == 404) {  // the server no longer knows it
        s.mode = FaceState::kRetry;
        s.outcome = FaceOutcomeText("expired");
      }
      return;  // network trouble: the next ask in two seconds
    }
    const std::string status = r.get("status");
    if (status == "pending") return;
    if (status == "passed") {
      s.mode = FaceState::kPassed;
    } else {
      s.mode = FaceState::kRetry;
      s.outcome = FaceOutcomeText(status);
      s.submitted = false;
    }
    scroll_to_top_ = true;
  });
}

void App::face_retry() {
  FaceState& s = face_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/face/checks", FaceRetryBody(s), [this](const net::Response& r) {
    FaceState& s = face_;
    s.busy = false;
    s.captcha.reset();
    if (r.ok()) {
      s.password.reset();
      s.submitted = false;
      FaceWaitFor(s, r.get("face_ticket"), r.get("face_url"), now_, std::atoi(r.get("expires_in").c_str()));
      scroll_to_top_ = true;
      return;
    }
    load_captcha(s.captcha_image);  // spent
    if (r.get("error.code") == "FACE_CHECK_NOT_NEEDED") {  // passed on another device meanwhile
      s.mode = FaceState::kPassed;
      return;
    }
    std::string message = net::failure_message(r, "人脸识别");
    std::string field = r.get("error.field");
    if (field.empty() || !FaceSetServerError(s, field, message)) s.error = message;
  });
}

}  // namespace uia::web
