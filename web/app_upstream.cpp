// The REST side of 其他登录方式: the list of upstream platforms for the login page's buttons,
// leaving for one of them, and the message when one sends the browser back with
// /#/login?upstream_error=CODE. The sign-in itself is all redirects between the browser, the
// server (/api/v1/upstream/{name}/login and /callback) and the platform: nothing to fetch.
#include <cctype>

#include "api/percent_encode.h"
#include "app.h"
#include "js_bridge.h"

namespace uia::web {
namespace {

// CODE of "#/login?...upstream_error=CODE..." (catalogue names: A-Z and _ only), else "".
std::string upstream_error_in(const std::string& hash) {
  const std::string prefix = "#/login?";
  if (hash.rfind(prefix, 0) != 0) return "";
  const std::string query = "&" + hash.substr(prefix.size());
  const auto at = query.find("&upstream_error=");
  if (at == std::string::npos) return "";
  std::string code = query.substr(at + 16);
  code = code.substr(0, code.find('&'));
  for (char c : code)
    if (!std::isupper(static_cast<unsigned char>(c)) && c != '_') return "";
  return code.size() <= 64 ? code : "";
}

}  // namespace

void App::upstream_load() {
  UpstreamLoginState& s = login_.upstream;
  s.status = UpstreamLoginState::Status::Loading;
  net::send("GET", "/api/v1/upstream/providers", "", [this](const net::Response& r) {
    UpstreamLoginState& s = login_.upstream;
    s.providers.clear();
    if (!r.ok()) {  // no buttons: the other ways to sign in still work
      s.status = UpstreamLoginState::Status::Failed;
      return;
    }
    for (int i = 0;; ++i) {
      const std::string at = "providers." + std::to_string(i) + ".";
      UpstreamProviderButton p{r.get(at + "name"), r.get(at + "display_name"), r.get(at + "login_url")};
      if (p.name.empty()) break;
      // Only a path on this server: the list comes from our API, but a button never leaves
      // for somewhere the server did not send it.
      if (p.display_name.empty() || p.login_url.rfind("/api/v1/upstream/", 0) != 0) continue;
      s.providers.push_back(std::move(p));
    }
    s.status = UpstreamLoginState::Status::Ready;
  });
}

void App::upstream_start(int index) {
  UpstreamLoginState& s = login_.upstream;
  if (index < 0 || index >= static_cast<int>(s.providers.size())) return;
  std::string url = s.providers[index].login_url;
  // A business system is waiting (/#/login?oidc=ID): come back to its 授权确认 once signed in.
  if (consent_.request.active()) url += "?return_to=" + percent_encode("/#/consent?oidc=" + consent_.request.id);
  login_.error.clear();
  login_.success = "正在前往" + s.providers[index].display_name + "…";
  js::navigate(url);
}

void App::upstream_error_from_location() {
  const std::string code = upstream_error_in(js::location_hash());
  if (code.empty()) return;
  js::clear_location_hash();  // shown once: a reload is a fresh login page
  login_.error = UpstreamErrorMessage(code);
  login_.success.clear();
}

}  // namespace uia::web
