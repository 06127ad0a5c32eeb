// 账号申诉, one appeal kind's steps (seeds 001 1.6.1, 1.6.2, 2.7.1; 000 五.2). The kinds, their
// materials and labels come from shared/appeals/appeals.h. Every kind ends the same way: the
// form steps (the last one sends POST /api/v1/appeals and gets a draft case and an upload
// token), the materials step (one picker per material kind, POST .../materials; then
// POST .../submit), and the final page with the case number.
// The seeds show the materials before the new phone / password; here they come after, because
// the server keeps materials only for a case, and a case starts with the SMS-checked phone.
#pragma once
#include <string>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct AppealMaterialSlot {
  std::string code;       // material kind (shared/appeals)
  bool required = false;
  std::string file_name;  // uploaded file; empty = none yet
  std::string size_text;
  bool busy = false;
  std::string error;
};

struct AppealFormState {
  std::string kind;  // AppealKind::code
  int step = 0;      // index into AppealStepLabels(kind); form steps first, then materials, then done

  // Who appeals: a person's (or a contact's / legal representative's) identity.
  int id_type = 0;  // index into RepIdTypeLabels()
  ui::Field name, id_number;
  ui::Field valid_from, valid_to;
  bool long_term = false;
  // The enterprise.
  ui::Field uscc, enterprise_name;
  int org_type = 0;
  std::string masked_name;  // GET /api/v1/appeals/enterprise
  bool looking_up = false;
  ui::Field contact_name, new_phone;  // 修改企业信息申诉: what should change
  ui::Field account;
  // The phone the outcome goes to (SMS purpose appeal) and the captcha of the step showing.
  ui::Field phone, captcha, sms_code;
  CaptchaState captcha_image;
  SmsState sms;
  // 身份证号被他人手机号注册: the captcha answered with the ID number (step 1), sent with the appeal.
  std::string id_captcha_id, id_captcha_answer;
  ui::Field password, confirm, remark;

  // The draft case (POST /api/v1/appeals) and its materials.
  std::string case_number, upload_token, due_at;
  std::vector<AppealMaterialSlot> materials;
  bool submitted = false;  // a step's 下一步 / 提交 pressed: every field's message shows
  bool busy = false;
  std::string error, info;
};

struct AppealFormActions {
  bool lookup_enterprise = false;  // GET /api/v1/appeals/enterprise?uscc=
  bool request_sms = false;        // POST /api/v1/sms/codes (purpose appeal)
  bool refresh_captcha = false;
  bool create = false;             // POST /api/v1/appeals
  int pick_material = -1;          // index into materials: choose a file and upload it
  bool submit = false;             // POST /api/v1/appeals/{case}/submit
  bool go_home = false;            // back to 账号申诉
  bool go_progress = false;
  bool go_login = false;
};

// A new appeal of `kind`, its material slots from shared/appeals.
AppealFormState NewAppeal(std::string_view kind);
void AppealFormPage(const PageContext& ctx, AppealFormState& s, AppealFormActions& out);

// The steps of a kind as its bar shows them; form steps are those before the materials step.
int AppealFormSteps(std::string_view kind);
bool AppealStepShowsCaptcha(const AppealFormState& s);

std::string AppealCreateBody(const Profile& profile, const AppealFormState& s, Date today);
// A server error under the field it names (and back to that field's step); false when none matches.
bool AppealSetServerError(AppealFormState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
