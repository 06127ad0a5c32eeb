// The REST side of OpenID Connect sign-in for business systems: /oidc/authorize stored the
// request and sent the browser to /#/login?oidc=<id> (no session, or a higher real-name level
// needed) or /#/consent?oidc=<id>; the login page names the system, a sign-in continues to
// 授权确认, and the decision's answer (redirect_to) is where the browser goes next.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "app.h"
#include "js_bridge.h"
#include "json.h"
#include "profile/profile.h"

namespace uia::web {
namespace {

// The request id of "#/login?oidc=ID" / "#/consent?oidc=ID" (base64url: nothing to decode).
std::string request_id_in(const std::string& hash, const char* page) {
  const std::string prefix = std::string("#/") + page + "?";
  if (hash.rfind(prefix, 0) != 0) return "";
  std::string query = "&" + hash.substr(prefix.size());
  const auto at = query.find("&oidc=");
  if (at == std::string::npos) return "";
  std::string id = query.substr(at + 6);
  id = id.substr(0, id.find('&'));
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return "";
  return id.size() <= 64 ? id : "";
}

}  // namespace

void App::oidc_from_location() {
  const std::string hash = js::location_hash();
  std::string id = request_id_in(hash, "consent");
  oidc_wants_consent_ = !id.empty();
  if (id.empty()) id = request_id_in(hash, "login");
  if (id.empty()) return;
  consent_ = ConsentState{};
  consent_.request.id = id;
}

void App::oidc_open(bool has_session) {
  if (has_session && oidc_wants_consent_) {
    go(Page::Consent);
    oidc_load(false);
    return;
  }
  // Signed out (or the system asked for a fresh sign-in, or a higher level): the login page,
  // which names the system once the request is read.
  go(Page::Login);
  oidc_load(false);
}

void App::oidc_load(bool continue_if_consented) {
  OidcRequest& q = consent_.request;
  q.status = OidcRequest::Status::Loading;
  const std::string id = q.id;
  net::send("GET", "/api/v1/oidc/requests/" + id, "", [this, id, continue_if_consented](const net::Response& r) {
    OidcRequest& q = consent_.request;
    if (q.id != id) return;  // another request started meanwhile
    if (!r.ok()) {
      q.status = OidcRequest::Status::Failed;
      q.error = r.status == 404 ? "授权请求已失效或已完成，请返回业务系统重新登录。" : net::failure_message(r, "授权请求");
      if (page_ == Page::Login) {
        login_.error = q.error;
        oidc_forget();
      }
      return;
    }
    q.client_name = r.get("client.name");
    q.scopes.clear();
    for (int i = 0;; ++i) {
      std::string scope = r.get("scopes." + std::to_string(i));
      if (scope.empty()) break;
      q.scopes.push_back(scope);
    }
    q.level_required = std::max(1, std::atoi(r.get("level_required").c_str()));
    // Named on the profile's ladder (level_name), like the 个人中心's.
    q.level_required_label = level_name(profile_, q.level_required);
    q.has_person = !r.get("person.level").empty();
    q.person_name = r.get("person.name");
    q.person_phone = r.get("person.phone");
    q.person_level = std::atoi(r.get("person.level").c_str());
    q.level_sufficient = !q.has_person || r.get("person.level_sufficient") == "true";
    q.consented = r.get("person.consented") == "true";
    q.acting_for.reset();
    if (!r.get("acting_for.uscc").empty()) {
      OidcRequest::ActingFor a;
      a.name = r.get("acting_for.name");
      a.uscc = r.get("acting_for.uscc");
      a.role_label = r.get("acting_for.role_label");
      for (int i = 0;; ++i) {
        std::string code = r.get("acting_for.service_items." + std::to_string(i) + ".code");
        if (code.empty()) break;
        a.service_items.push_back(std::move(code));
      }
      a.valid_until = r.get("acting_for.valid_until");
      q.acting_for = std::move(a);
    }
    q.status = OidcRequest::Status::Ready;
    login_.asking_system = q.client_name;
    login_.asking_level = q.level_required;
    login_.asking_level_label = q.level_required_label;
    // An enterprise account's own session is no sign-in for business systems: say why the login
    // page is shown although the browser is signed in (the server's sign_in_refused).
    if (!r.get("sign_in_refused.reason").empty() && page_ == Page::Login)
      login_.error = "企业账号不能直接登录业务系统，请以法定代表人或经办人的个人账号登录。";
    if (page_ == Page::Consent && !q.has_person) {
      // The session ended meanwhile: sign in again for the same request.
      go(Page::Login);
      return;
    }
    if (continue_if_consented && q.has_person && q.consented && q.level_sufficient) oidc_decide(true);
  });
}

void App::oidc_decide(bool approve) {
  ConsentState& s = consent_;
  if (s.busy || !s.leaving_to.empty()) return;
  s.busy = true;
  s.error.clear();
  JsonObject body;
  body.add("approve", approve);
  const std::string id = s.request.id;
  net::send("POST", "/api/v1/oidc/requests/" + id + "/decision", body.str(), [this](const net::Response& r) {
    ConsentState& s = consent_;
    s.busy = false;
    const std::string to = r.get("redirect_to");
    if (r.ok() && !to.empty()) {
      s.leaving_to = to;
      js::clear_location_hash();
      js::navigate(to);
      return;
    }
    if (r.status == 401) {  // the session ended: sign in again, the request is still open
      net::set_csrf_token("");
      login_.error = "登录已失效，请重新登录后确认授权";
      go(Page::Login);
      return;
    }
    s.error = net::failure_message(r, "授权");
    if (r.status == 404) s.request.status = OidcRequest::Status::Failed, s.request.error = s.error;
  });
}

void App::oidc_forget() {
  consent_ = ConsentState{};
  oidc_wants_consent_ = false;
  login_.asking_system.clear();
  login_.asking_level = 1;
  js::clear_location_hash();
}

void App::frame_consent(const PageContext& ctx) {
  ConsentActions a;
  ConsentPage(ctx, consent_, a);
  if (a.approve) oidc_decide(true);
  if (a.deny) oidc_decide(false);
  if (a.go_centre) {
    oidc_forget();
    centre_ = CentreState{};
    go(Page::Centre);
  }
}

}  // namespace uia::web
