// REST handlers as plain functions: ApiRequest in, ApiResponse out. `api_route` adapts one to
// the router: it copies what the handler needs off the reactor thread, runs the handler on the
// worker pool (database and hashing block), and writes the answer back. Handlers never touch
// Pistache types, so flows stay testable and the HTTP layer stays thin.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/verdict.h"
#include "http/router.h"
#include "runtime/worker_pool.h"

namespace uia::http {

struct ApiRequest {
  Pistache::Http::Method method = Pistache::Http::Method::Get;
  std::string path;
  PathParams params;
  std::map<std::string, std::string> query;
  std::string body;
  std::string client_ip;      // the TCP peer, or the client behind a trusted proxy (TrustedProxies)
  std::string forwarded_for;  // X-Forwarded-For as received; believed only from trusted proxies
  std::string user_agent;
  std::string bearer_token;    // from "Authorization: Bearer ..."
  std::string session_cookie;  // the uia_session cookie
  // Every cookie the browser sent, by name (first value), as Pistache parsed the Cookie header;
  // a flow reads its own through cookie(name). Bounded: a few dozen names at most.
  std::map<std::string, std::string> cookies;
  std::string csrf_header;     // X-CSRF-Token
  std::string signature_header;  // X-Signature (callbacks from outside services)
  std::string upload_token;      // X-Upload-Token (documents of a registration under review)

  // The body as a JSON object (bounded depth), nullopt when it is not one.
  std::optional<nlohmann::json> json() const;
  std::string query_value(const std::string& name) const;
  std::string cookie(const std::string& name) const;  // "" when absent
};

struct SessionCookie {
  std::string value;
  int max_age_seconds = 0;  // 0 clears the cookie
  bool secure = true;
};

// Any other cookie a flow sets (or clears): always HttpOnly and SameSite=Lax, like the session's.
struct ResponseCookie {
  std::string name;
  std::string value;
  std::string path = "/";
  int max_age_seconds = 0;  // 0 clears the cookie
  bool secure = true;
};

struct ApiResponse {
  int status = 200;
  nlohmann::json body;  // null → empty body (204)
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<SessionCookie> session_cookie;
  std::vector<ResponseCookie> cookies;

  static ApiResponse json(int status, nlohmann::json body);
  static ApiResponse no_content();
  // {"error": {"code", "message", "field"?}} with the catalogue's zh-CN text.
  static ApiResponse error(int status, ErrorCode code, std::string_view field = {});
  static ApiResponse error(int status, const Verdict& verdict, std::string_view field = {});
  // Adds "retry_after" (seconds) to the error and a Retry-After header.
  ApiResponse& retry_after(long long seconds);
};

using ApiHandler = std::function<ApiResponse(const ApiRequest&)>;
// Decides on the reactor thread, before the handler is queued, whether a request may go on:
// nullopt lets it through, an answer refuses it (a request budget's 429). Must be quick.
using Admission = std::function<std::optional<ApiResponse>(const ApiRequest&)>;

// The session token a caller presents: the bearer token, else the uia_session cookie ("" if none).
std::string presented_token(const Pistache::Http::Request& request);
const std::string& presented_token(const ApiRequest& request);

constexpr const char* kSessionCookieName = "uia_session";

// A router handler that runs `handler` on `workers`; answers 503 when the pool is saturated.
// `admit`, when given, screens the request first: a refused one never takes a worker.
RouteHandler api_route(runtime::WorkerPool& workers, ApiHandler handler, Admission admit = {});

}  // namespace uia::http
