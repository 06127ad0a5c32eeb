// The network layer: pages emit actions, the app turns them into REST calls through fetch()
// (glue.js) and the answers come back here as callbacks on the main loop.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace uia::web::net {

struct Response {
  int status = 0;   // HTTP status; 0 = network failure, -1 = timed out
  bool json = false;
  // The JSON body flattened by glue.js: {"error":{"code":"X"}} -> fields["error.code"] == "X".
  std::unordered_map<std::string, std::string> fields;

  bool ok() const { return status >= 200 && status < 300; }
  std::string get(std::string_view key) const;
};

using Callback = std::function<void(const Response&)>;

// The session itself is the HttpOnly uia_session cookie (the browser sends it; script never
// sees it). The CSRF token from the sign-in answer is kept here, in memory only, and sent as
// X-CSRF-Token on unsafe methods. Empty = signed out.
void set_csrf_token(std::string token);
bool has_csrf_token();

// The staff member's bearer token from POST /api/v1/admin/sessions (审核工作台): in memory only,
// never a cookie or localStorage, so a reload signs the staff member out. Sent as
// Authorization: Bearer on /api/v1/admin/ requests only. Empty = no staff member signed in.
void set_staff_token(std::string token);
bool has_staff_token();

// body empty = no body. At most one callback per request; requests time out after 15 s.
void send(const char* method, const std::string& url, const std::string& body, Callback done);

// Uploads the file last chosen with files::pick (X-Upload-Token: upload_token, no session).
void upload_picked_file(const std::string& url, const std::string& kind, const std::string& upload_token, Callback done);

// A JSON request that proves itself with X-Upload-Token instead of a session (an appeal's
// materials and its submission: the appellant cannot sign in).
void send_with_upload_token(const char* method, const std::string& url, const std::string& body,
                            const std::string& upload_token, Callback done);

// zh-CN text for a failed request: the server's error.message when it sent one, otherwise a
// clear description (unreachable, timed out, not available yet, server error).
std::string failure_message(const Response& r, std::string_view service_zh);

}  // namespace uia::web::net
