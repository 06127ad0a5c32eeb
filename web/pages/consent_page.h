// 授权确认: a business system asked to sign the person in through OpenID Connect
// (/oidc/authorize sent the browser to /#/consent?oidc=<request id>, or the login page came
// first: /#/login?oidc=<id>). The page names the system, lists in Chinese what it will receive
// (scopes: 实名等级, 基本信息, 手机号码), shows the signed-in account, and 同意授权 / 拒绝 post
// the decision; the browser then goes to the address the server answers (the system's
// redirect URI with a code, or with error=access_denied). A system that requires a higher
// real-name level than the account has cannot be approved: the page says so (step-up).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

// What GET /api/v1/oidc/requests/{id} told about a pending authorization request. The login
// page shows `client_name` too (which system asks).
struct OidcRequest {
  enum class Status { None, Loading, Ready, Failed };
  std::string id;  // empty: no OIDC request in progress
  Status status = Status::None;
  std::string client_name;
  std::vector<std::string> scopes;  // openid, profile, phone, ...
  int level_required = 1;
  std::string level_required_label;  // 三级实名 (level_name on the profile)
  // The signed-in person (only when the request was read with a session).
  bool has_person = false;
  std::string person_name, person_phone;  // masked
  int person_level = 0;
  bool level_sufficient = true;
  bool consented = false;  // every scope was granted to this system before
  // The enterprise the session acts for, when the system asked for uia_enterprise
  // (acting_for: the data goes out in the enterprise's name).
  struct ActingFor {
    std::string name, uscc, role_label;
    std::vector<std::string> service_items;  // codes; none for a legal representative
    std::string valid_until;                 // YYYY-MM-DD; agents only
  };
  std::optional<ActingFor> acting_for;
  std::string error;       // why it could not be read (expired, finished)
  bool active() const { return !id.empty(); }
};

// What a scope gives the system, in Chinese ("手机号码", shared/policy/oidc_scope_labels); the
// scope itself when unknown.
std::string ScopeLabel(const std::string& scope);

struct ConsentState {
  OidcRequest request;
  bool busy = false;       // a decision is in flight
  std::string leaving_to;  // the decision was taken: the browser is on its way to the system
  std::string error;       // the server refused the decision
};

struct ConsentActions {
  bool approve = false;  // POST .../decision {"approve": true}
  bool deny = false;     // POST .../decision {"approve": false}
  bool go_centre = false;  // the request is gone: to the personal centre instead
};

void ConsentPage(const PageContext& ctx, ConsentState& s, ConsentActions& out);

}  // namespace uia::web
