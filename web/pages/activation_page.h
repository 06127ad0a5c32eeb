// 账号激活: accounts imported from an earlier system (status pending_activation) have a name,
// an ID number and usually a phone, but no account name or password. Step 1 proves the person
// holds the ID number and a phone (SMS purpose `activate`; a phone other than the imported one
// also needs the name, which the server asks for with error.field = "name"); step 2 sets the
// account name and password, and the ID card's validity dates when the import lacked them
// (GET /api/v1/activation/{id} lists what is `missing`). A first SMS sign-in of an imported
// account arrives at step 2 directly.
#pragma once
#include <string>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct ActivationState {
  enum Step { kVerify, kAccount, kDone };
  int step = kVerify;

  // Step 1
  ui::Field id_number, phone, name, captcha, sms_code;
  bool ask_name = false;  // the server wants the name (new phone)
  CaptchaState captcha_image;
  SmsState sms;

  // Step 2
  std::string activation_id;
  bool loading = false, loaded = false;  // GET /api/v1/activation/{id}
  std::string masked_name, masked_id_number, masked_phone;
  bool needs_validity = false;           // `missing` lists id_valid_from / id_valid_to
  ui::Field account, password, confirm, valid_from, valid_to;
  bool long_term = false;

  bool submitted = false;
  bool busy = false;
  std::string error, success;
};

struct ActivationActions {
  bool request_sms = false;   // POST /api/v1/sms/codes (purpose activate)
  bool verify = false;        // POST /api/v1/activation
  bool load = false;          // GET /api/v1/activation/{id}
  bool finish = false;        // POST /api/v1/activation/{id}/account
  bool refresh_captcha = false;
  bool go_login = false;
};

void ActivationPage(const PageContext& ctx, ActivationState& s, ActivationActions& out);

// Request bodies for the two steps.
std::string ActivationVerifyBody(const ActivationState& s, Date today);
std::string ActivationAccountBody(const ActivationState& s, const Profile& profile);
// Puts a server error under the field it names; false when no field of the page matches.
bool ActivationSetServerError(ActivationState& s, const std::string& field, const std::string& message);

}  // namespace uia::web
