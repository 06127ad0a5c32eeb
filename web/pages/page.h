// What every page gets from the app: where to lay out the form, today's date and the clock.
// A page is a function that draws from its own state struct and reports what the user asked
// for in an actions struct; the app (app.cpp) performs the actions. Pages never call each other.
#pragma once
#include <string>

#include "images.h"
#include "policy/date.h"
#include "ui.h"

namespace uia::web {

struct PageContext {
  ui::Form form;
  Date today;
  double now = 0;  // seconds (monotonic)
};

// A graphical captcha fetched from GET /api/v1/captcha.
struct CaptchaState {
  enum class Status { Empty, Loading, Ready, Failed };
  Status status = Status::Empty;
  std::string id;
  images::Image image;
  double expires_at = 0;  // PageContext::now after which the server no longer accepts it
};

// The captcha picture as a button (click = new picture); true when clicked.
bool CaptchaButton(const CaptchaState& captcha, ImVec2 size);

}  // namespace uia::web
