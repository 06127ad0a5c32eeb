#include "http/router.h"

#include <algorithm>

#include "http/entity.h"
#include "http/json_response.h"

namespace uia::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

void Router::add(Pistache::Http::Method method, std::string_view pattern, RouteHandler handler,
                 std::size_t max_body_bytes) {
  Route route{method, {}, std::move(handler), max_body_bytes};
  for (auto segment : split_path(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

std::vector<Router::RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const Route& route : routes_) {
    std::string pattern;
    for (const std::string& segment : route.segments) pattern += "/" + segment;
    out.push_back({route.method, pattern.empty() ? "/" : pattern});
  }
  return out;
}

std::size_t Router::body_limit(std::string_view target, std::size_t fallback) const {
  const auto path = split_path(target.substr(0, target.find('?')));
  PathParams params;
  for (const Route& route : routes_) {
    if (route.max_body_bytes > 0 && match(route, path, params)) return std::max(route.max_body_bytes, fallback);
  }
  return fallback;
}

std::size_t Router::largest_body_limit() const {
  std::size_t largest = 0;
  for (const Route& route : routes_) largest = std::max(largest, route.max_body_bytes);
  return largest;
}

bool Router::match(const Route& route, const std::vector<std::string_view>& path, PathParams& params) {
  params.clear();
  std::size_t i = 0;
  for (; i < route.segments.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (segment == "*") {
      std::string rest;
      for (std::size_t j = i; j < path.size(); ++j) {
        if (!rest.empty()) rest += '/';
        rest += path[j];
      }
      params.emplace("*", std::move(rest));
      return true;
    }
    if (i >= path.size()) return false;
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      params.emplace(segment.substr(1, segment.size() - 2), std::string(path[i]));
    } else if (segment != path[i]) {
      return false;
    }
  }
  return i == path.size();
}

void Router::dispatch(const Pistache::Http::Request& request, Pistache::Http::ResponseWriter response) const {
  if (policy_) policy_(request, response);
  using Pistache::Http::Method;
  const bool head = request.method() == Method::Head;
  if (head) mark_head_only(response);
  const auto path = split_path(request.resource());
  PathParams params;
  bool path_known = false;
  for (const Route& route : routes_) {
    if (!match(route, path, params)) continue;
    if (route.method == request.method() || (head && route.method == Method::Get)) {
      route.handler(request, std::move(response), params);
      return;
    }
    path_known = true;
  }
  if (path_known) {
    send_error(response, Pistache::Http::Code::Method_Not_Allowed, ErrorCode::MethodNotAllowed);
    return;
  }
  if (fallback_) {
    fallback_(request, std::move(response), {});
    return;
  }
  send_error(response, Pistache::Http::Code::Not_Found, ErrorCode::NotFound);
}

}  // namespace uia::http
