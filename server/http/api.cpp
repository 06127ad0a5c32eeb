#include "http/api.h"

#include <iostream>
#include <memory>

#include "http/entity.h"
#include "http/json_request.h"
#include "http/json_response.h"
#include "http/request_headers.h"
#include "http/response_headers.h"

namespace uia::http {
namespace {

const std::string kHostPrefix = "__Host-";
const std::string kSecurePrefix = "__Secure-";

std::string unprefixed(const std::string& name) {
  if (name.rfind(kHostPrefix, 0) == 0) return name.substr(kHostPrefix.size());
  if (name.rfind(kSecurePrefix, 0) == 0) return name.substr(kSecurePrefix.size());
  return name;
}

// The session cookie production sets (__Host-uia_session) or, in dev over plain http, the
// unprefixed one. (A planted unprefixed cookie is only read when the browser holds no session
// of ours, and then it can only be someone's own live session: SameSite=Lax and the CSRF token
// still guard every change.)
std::string session_cookie_of(const Pistache::Http::Request& request) {
  const auto& jar = request.cookies();
  if (const std::string host = kHostPrefix + kSessionCookieName; jar.has(host)) return jar.get(host).value;
  if (jar.has(kSessionCookieName)) return jar.get(kSessionCookieName).value;
  return {};
}
using namespace Pistache;

ApiRequest copy_request(const Http::Request& request, const PathParams& params) {
  ApiRequest out;
  out.method = request.method();
  out.path = request.resource();
  out.params = params;
  for (auto it = request.query().parameters_begin(); it != request.query().parameters_end(); ++it) {
    out.query.emplace(it->first, it->second);
  }
  out.body = request.body();
  out.client_ip = request.address().host();
  out.user_agent = header_value(request, "User-Agent").substr(0, 255);
  const std::string authorization = header_value(request, "Authorization");
  if (authorization.rfind("Bearer ", 0) == 0) out.bearer_token = authorization.substr(7);
  out.session_cookie = session_cookie_of(request);
  constexpr std::size_t kMostCookies = 32;
  for (const auto& cookie : request.cookies()) {
    if (out.cookies.size() >= kMostCookies) break;
    // Flows ask for a cookie by its plain name, whichever prefix it was set with (add_cookie);
    // a prefixed cookie wins over a plain one of the same name, else the first of a name wins.
    if (const std::string name = unprefixed(cookie.name); name != cookie.name)
      out.cookies.insert_or_assign(name, cookie.value);
    else
      out.cookies.emplace(name, cookie.value);
  }
  out.csrf_header = header_value(request, "X-CSRF-Token");
  out.signature_header = header_value(request, "X-Signature");
  out.forwarded_for = header_value(request, "X-Forwarded-For").substr(0, 1024);
  out.upload_token = header_value(request, "X-Upload-Token").substr(0, 256);
  return out;
}

// Every cookie the API sets is out of scripts' reach and stays home on cross-site subrequests.
// A Secure cookie (production: never over plain http) also gets the name prefix browsers hold
// it to: "__Host-" (this host only, Path=/, never set by a sibling subdomain or over http) or,
// on a narrower path, "__Secure-".
void add_cookie(Http::ResponseWriter& response, const ResponseCookie& c) {
  Http::Cookie cookie(c.secure ? (c.path == "/" ? kHostPrefix : kSecurePrefix) + c.name : c.name, c.value);
  cookie.path = c.path;
  cookie.httpOnly = true;
  cookie.secure = c.secure;
  cookie.maxAge = c.max_age_seconds;
  cookie.ext["SameSite"] = "Lax";
  response.cookies().add(cookie);
}

void write_response(Http::ResponseWriter& response, const ApiResponse& answer) {
  for (const auto& [name, value] : answer.headers) set_header(response, name, value);
  if (answer.session_cookie)
    add_cookie(response, {kSessionCookieName, answer.session_cookie->value, "/", answer.session_cookie->max_age_seconds,
                          answer.session_cookie->secure});
  for (const auto& cookie : answer.cookies) add_cookie(response, cookie);
  const auto status = static_cast<Http::Code>(answer.status);
  if (answer.body.is_null()) {
    set_header(response, "Cache-Control", "no-store");
    send_entity(response, status, "");
    return;
  }
  send_json(response, status, answer.body);
}

}  // namespace

std::string presented_token(const Pistache::Http::Request& request) {
  const std::string authorization = header_value(request, "Authorization");
  if (authorization.rfind("Bearer ", 0) == 0) return authorization.substr(7);
  return session_cookie_of(request);
}

const std::string& presented_token(const ApiRequest& request) {
  return request.bearer_token.empty() ? request.session_cookie : request.bearer_token;
}

std::optional<nlohmann::json> ApiRequest::json() const { return parse_json_object(body); }

std::string ApiRequest::query_value(const std::string& name) const {
  const auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

std::string ApiRequest::cookie(const std::string& name) const {
  const auto it = cookies.find(name);
  return it == cookies.end() ? std::string() : it->second;
}

ApiResponse ApiResponse::json(int status, nlohmann::json body) {
  ApiResponse out;
  out.status = status;
  out.body = std::move(body);
  return out;
}

ApiResponse ApiResponse::no_content() {
  ApiResponse out;
  out.status = 204;
  return out;
}

ApiResponse ApiResponse::error(int status, ErrorCode code, std::string_view field) {
  return json(status, error_body(code, code, field));
}

ApiResponse ApiResponse::error(int status, const Verdict& verdict, std::string_view field) {
  return json(status, error_body(verdict.code, verdict.detail, field));
}

ApiResponse& ApiResponse::retry_after(long long seconds) {
  if (body.contains("error")) body["error"]["retry_after"] = seconds;
  headers.emplace_back("Retry-After", std::to_string(seconds));
  return *this;
}

RouteHandler api_route(runtime::WorkerPool& workers, ApiHandler handler, Admission admit) {
  return [&workers, handler = std::make_shared<ApiHandler>(std::move(handler)), admit = std::move(admit)](
             const Http::Request& request, Http::ResponseWriter response, const PathParams& params) {
    auto shared_response = std::make_shared<Http::ResponseWriter>(std::move(response));
    auto api_request = std::make_shared<ApiRequest>(copy_request(request, params));
    if (admit) {
      if (const auto refusal = admit(*api_request)) return write_response(*shared_response, *refusal);
    }
    const bool queued = workers.submit([handler, shared_response, api_request] {
      ApiResponse answer;
      try {
        answer = (*handler)(*api_request);
      } catch (const std::exception& e) {
        std::cerr << "uia: " << api_request->path << ": " << e.what() << '\n';
        answer = ApiResponse::error(500, ErrorCode::InternalError);
      }
      write_response(*shared_response, answer);
    });
    if (!queued) {
      ApiResponse busy = ApiResponse::error(503, ErrorCode::ServiceBusy);
      busy.retry_after(1);
      write_response(*shared_response, busy);
    }
  };
}

}  // namespace uia::http
