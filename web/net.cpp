#include "net.h"

#include <emscripten.h>

#include <map>

#include "js_bridge.h"
#include "platform.h"

namespace uia::web::net {
namespace {

int g_next_id = 1;
std::map<int, Callback> g_pending;
std::string g_csrf;
std::string g_staff_token;
constexpr std::string_view kAdminPrefix = "/api/v1/admin/";

bool is_safe(const char* method) {
  std::string_view m(method);
  return m == "GET" || m == "HEAD" || m == "OPTIONS";
}

}  // namespace

std::string Response::get(std::string_view key) const {
  auto it = fields.find(std::string(key));
  return it == fields.end() ? std::string() : it->second;
}

void set_csrf_token(std::string token) { g_csrf = std::move(token); }

bool has_csrf_token() { return !g_csrf.empty(); }

void set_staff_token(std::string token) { g_staff_token = std::move(token); }

bool has_staff_token() { return !g_staff_token.empty(); }

void send(const char* method, const std::string& url, const std::string& body, Callback done) {
  int id = g_next_id++;
  g_pending[id] = std::move(done);
  const bool admin = url.rfind(kAdminPrefix, 0) == 0;
  js::fetch(id, method, url.c_str(), body, is_safe(method) || admin ? std::string() : g_csrf,
            admin ? g_staff_token : std::string());
}

void upload_picked_file(const std::string& url, const std::string& kind, const std::string& upload_token, Callback done) {
  int id = g_next_id++;
  g_pending[id] = std::move(done);
  js::upload_picked_file(id, url, kind, upload_token);
}

void send_with_upload_token(const char* method, const std::string& url, const std::string& body,
                            const std::string& upload_token, Callback done) {
  int id = g_next_id++;
  g_pending[id] = std::move(done);
  js::fetch_with_upload_token(id, method, url.c_str(), body, upload_token);
}

std::string failure_message(const Response& r, std::string_view service_zh) {
  std::string service(service_zh);
  // A route that does not exist (yet): say which service, not just "not found".
  if (r.status == 404 && (r.get("error.code").empty() || r.get("error.code") == "NOT_FOUND"))
    return service + "服务暂未开放（HTTP 404），请稍后再试";
  std::string message = r.get("error.message");
  if (!message.empty()) return message;
  if (r.status == 0) return "网络连接失败，请检查网络后重试";
  if (r.status == -1) return "请求超时，请稍后重试";
  if (r.status == 429) return "操作过于频繁，请稍后再试";
  if (r.status >= 500) return "服务器暂时无法处理请求（HTTP " + std::to_string(r.status) + "），请稍后再试";
  return service + "失败（HTTP " + std::to_string(r.status) + "）";
}

}  // namespace uia::web::net

extern "C" EMSCRIPTEN_KEEPALIVE void uia_on_fetch(int id, int status, int is_json, const char* flat) {
  using namespace uia::web::net;
  auto it = g_pending.find(id);
  if (it == g_pending.end()) return;
  Callback done = std::move(it->second);
  g_pending.erase(it);
  Response r;
  r.status = status;
  r.json = is_json != 0;
  // "key\x1fvalue\x1ekey\x1fvalue..."
  std::string_view s = flat ? flat : "";
  while (!s.empty()) {
    size_t end = s.find('\x1e');
    std::string_view pair = s.substr(0, end);
    size_t sep = pair.find('\x1f');
    if (sep != std::string_view::npos)
      r.fields.emplace(std::string(pair.substr(0, sep)), std::string(pair.substr(sep + 1)));
    if (end == std::string_view::npos) break;
    s.remove_prefix(end + 1);
  }
  done(r);
  uia::web::wake();
}
