// Method + path routing for the REST API. Patterns are literal segments, `{name}` captures and
// an optional trailing `*` that captures the rest. A path that matches under another method
// answers 405; an unmatched path falls through to the fallback (the web client's files).
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pistache/http.h>

namespace uia::http {

using PathParams = std::map<std::string, std::string, std::less<>>;
using RouteHandler =
    std::function<void(const Pistache::Http::Request&, Pistache::Http::ResponseWriter, const PathParams&)>;

class Router {
 public:
  // max_body_bytes: a larger request body than the server's default is allowed on this route
  // only (0: the default). The HTTP server asks body_limit() once it has read a request head.
  void add(Pistache::Http::Method method, std::string_view pattern, RouteHandler handler, std::size_t max_body_bytes = 0);
  void set_fallback(RouteHandler handler) { fallback_ = std::move(handler); }
  // Runs before any route on every response the router answers (security headers, see
  // browser_policy.h).
  using ResponsePolicy = std::function<void(const Pistache::Http::Request&, Pistache::Http::ResponseWriter&)>;
  void set_response_policy(ResponsePolicy policy) { policy_ = std::move(policy); }

  // Finds the route and runs it; answers 404/405 itself when nothing fits. A HEAD is served by
  // the path's GET route, without the body (entity.h).
  void dispatch(const Pistache::Http::Request& request, Pistache::Http::ResponseWriter response) const;

  struct RouteInfo {
    Pistache::Http::Method method;
    std::string pattern;  // as registered, e.g. "/api/dev/face/{ticket}"
  };
  // Every route in registration order, so a test can hold the OpenAPI document to what is served.
  std::vector<RouteInfo> routes() const;
  // The body limit of the route `target` (a request target, query ignored) would be served
  // by, or `fallback` when it names none; largest_body_limit() is the largest any route allows.
  std::size_t body_limit(std::string_view target, std::size_t fallback) const;
  std::size_t largest_body_limit() const;

 private:
  struct Route {
    Pistache::Http::Method method;
    std::vector<std::string> segments;
    RouteHandler handler;
    std::size_t max_body_bytes = 0;
  };
  static bool match(const Route& route, const std::vector<std::string_view>& path, PathParams& params);

  std::vector<Route> routes_;
  RouteHandler fallback_;
  ResponsePolicy policy_;
};

}  // namespace uia::http
