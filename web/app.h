// The application: which page is showing, the state of each page, and the actions that turn
// into REST calls (API-CONTRACT.md). One instance, driven by main.cpp's frame loop.
#pragma once
#include "pages/login_page.h"
#include "pages/register_page.h"

namespace uia::web {

class App {
 public:
  enum class Page { Login, Register };

  void frame(Date today, double now);

 private:
  void go(Page page);
  void load_captcha(CaptchaState& captcha);
  // Loads the page's captcha when it has none yet or the shown one has expired.
  void keep_captcha_fresh(CaptchaState& captcha);
  void submit_login();
  void submit_register(Date today);
  void request_sms(double now);

  Page page_ = Page::Login;
  bool scroll_to_top_ = false;
  double now_ = 0;
  LoginState login_;
  RegisterState register_;
};

}  // namespace uia::web
