// 账号申诉 (pages/appeal_home_page.h, appeal_form_page.h, appeal_progress_page.h): the REST side.
// Every call is anonymous: the appeal itself is SMS-checked, its materials and submission carry
// the upload token the appeal's creation returned.
#include "app.h"
#include "files.h"
#include "js_bridge.h"
#include "pages/documents_page.h"
#include "platform.h"

namespace uia::web {

void App::open_appeals(bool enterprise_first, const std::string& message) {
  appeal_home_ = AppealHomeState{};
  appeal_home_.enterprise_first = enterprise_first;
  appeal_home_.message = message;
  go(Page::AppealHome);
}

void App::frame_appeal_home(const PageContext& ctx) {
  AppealHomeActions a;
  AppealHomePage(ctx, appeal_home_, a);
  if (!a.start.empty()) {
    appeal_ = NewAppeal(a.start);
    go(Page::AppealForm);
  }
  if (a.download_template) js::download_url(kAppealLetterTemplateUrl);
  if (a.go_progress) {
    appeal_progress_ = AppealProgressState{};
    go(Page::AppealProgress);
  }
  if (a.go_login) {
    if (appeal_home_.enterprise_first) go_enterprise_login();
    else go(Page::Login);
  }
}

void App::frame_appeal_form(const PageContext& ctx) {
  AppealFormState& s = appeal_;
  if (AppealStepShowsCaptcha(s)) keep_captcha_fresh(s.captcha_image);
  AppealFormActions a;
  const int step = s.step;
  AppealFormPage(ctx, s, a);
  if (s.step != step) scroll_to_top_ = true;
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.request_sms) send_sms_code(s.sms, std::string(s.phone.str()), "appeal", s.captcha_image, s.captcha, s.phone);
  if (ctx.now < s.sms.resend_at) wake_after(0.25);  // the countdown ticks
  if (a.lookup_enterprise) appeal_lookup_enterprise();
  if (a.create) appeal_create(ctx.today);
  if (a.pick_material >= 0) appeal_pick(a.pick_material);
  if (a.submit) appeal_submit();
  if (a.go_home) go(Page::AppealHome);
  if (a.go_progress) {
    appeal_progress_ = AppealProgressState{};
    appeal_progress_.case_number.set(s.case_number);
    appeal_progress_.phone.set(s.phone.str());
    go(Page::AppealProgress);
  }
  if (a.go_login) {
    if (s.kind.rfind("enterprise", 0) == 0) go_enterprise_login();
    else go(Page::Login);
  }
}

void App::appeal_lookup_enterprise() {
  AppealFormState& s = appeal_;
  s.looking_up = true;
  s.masked_name.clear();
  s.error.clear();
  net::send("GET", "/api/v1/appeals/enterprise?uscc=" + std::string(s.uscc.str()), "", [this](const net::Response& r) {
    AppealFormState& s = appeal_;
    s.looking_up = false;
    if (r.ok()) {
      s.masked_name = r.get("name");
      return;
    }
    const std::string message = net::failure_message(r, "企业查询");
    if (r.get("error.field") == "uscc" || r.status == 404) s.uscc.server_error = message;
    else s.error = message;
  });
}

void App::appeal_create(Date today) {
  AppealFormState& s = appeal_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/appeals", AppealCreateBody(profile_, s, today),
            [this](const net::Response& r) {
              AppealFormState& s = appeal_;
              s.busy = false;
              if (r.ok()) {
                s.case_number = r.get("case_number");
                s.upload_token = r.get("upload_token");
                s.password.reset();
                s.confirm.reset();
                s.submitted = false;
                s.step = AppealFormSteps(s.kind);  // the materials
                scroll_to_top_ = true;
                return;
              }
              const std::string message = net::failure_message(r, "账号申诉");
              const std::string field = r.get("error.field");
              if (field == "captcha_answer" || field == "captcha_id") {
                s.captcha.reset();
                load_captcha(s.captcha_image);  // spent
              }
              if (field.empty() || !AppealSetServerError(s, field, message)) s.error = message;
            });
}

void App::appeal_pick(int slot) {
  files::pick(".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf", [this, slot](const files::Picked& f) {
    AppealFormState& s = appeal_;
    if (f.size < 0 || slot >= static_cast<int>(s.materials.size())) return;  // cancelled
    AppealMaterialSlot& m = s.materials[slot];
    m.error = DocumentFileProblem(profile_, f.type, f.size);
    if (!m.error.empty()) return;
    m.busy = true;
    const std::string size = FileSizeText(f.size);
    net::upload_picked_file("/api/v1/appeals/" + s.case_number + "/materials", m.code, s.upload_token,
                            [this, slot, name = f.name, size](const net::Response& r) {
                              AppealMaterialSlot& m = appeal_.materials[slot];
                              m.busy = false;
                              if (!r.ok()) {
                                m.error = net::failure_message(r, "材料上传");
                                return;
                              }
                              m.file_name = name;
                              m.size_text = size;
                            });
  });
}

void App::appeal_submit() {
  AppealFormState& s = appeal_;
  s.busy = true;
  s.error.clear();
  net::send_with_upload_token("POST", "/api/v1/appeals/" + s.case_number + "/submit", "{}", s.upload_token,
                              [this](const net::Response& r) {
                                AppealFormState& s = appeal_;
                                s.busy = false;
                                if (!r.ok()) {
                                  s.error = net::failure_message(r, "提交申诉");
                                  return;
                                }
                                s.due_at = r.get("due_at");
                                s.step = AppealFormSteps(s.kind) + 1;
                                scroll_to_top_ = true;
                              });
}

void App::frame_appeal_progress(const PageContext& ctx) {
  AppealProgressState& s = appeal_progress_;
  if (!s.found) keep_captcha_fresh(s.captcha_image);
  AppealProgressActions a;
  AppealProgressPage(ctx, s, a);
  if (a.refresh_captcha) load_captcha(s.captcha_image);
  if (a.request_sms) send_sms_code(s.sms, std::string(s.phone.str()), "appeal", s.captcha_image, s.captcha, s.phone);
  if (ctx.now < s.sms.resend_at) wake_after(0.25);
  if (a.query) appeal_progress_query();
  if (a.go_home) go(Page::AppealHome);
  if (a.go_login) {
    if (s.kind.rfind("enterprise", 0) == 0) go_enterprise_login();
    else go(Page::Login);
  }
}

void App::appeal_progress_query() {
  AppealProgressState& s = appeal_progress_;
  s.busy = true;
  s.error.clear();
  net::send("POST", "/api/v1/appeals/progress", AppealProgressBody(s), [this](const net::Response& r) {
    AppealProgressState& s = appeal_progress_;
    s.busy = false;
    if (!r.ok()) {
      const std::string message = net::failure_message(r, "申诉进度查询");
      if (r.get("error.field") == "sms_code") s.sms_code.server_error = message;
      else s.error = message;
      return;
    }
    s.found = true;
    s.kind = r.get("kind");
    s.kind_label = r.get("kind_label");
    s.status = r.get("status");
    s.submitted_at = r.get("submitted_at");
    s.due_at = r.get("due_at");
    s.decided_at = r.get("decided_at");
    s.reason = r.get("reason");
    scroll_to_top_ = true;
  });
}

}  // namespace uia::web
