#include "http/browser_policy.h"

#include <cctype>

#include "http/request_headers.h"
#include "http/response_headers.h"

namespace uia::http {

bool valid_embedding_origin(std::string_view origin, bool allow_http) {
  std::string_view rest;
  if (origin.rfind("https://", 0) == 0) {
    rest = origin.substr(8);
  } else if (allow_http && origin.rfind("http://", 0) == 0) {
    rest = origin.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.size() > 253) return false;
  // Host letters, digits, '-', '.', a leading "*." wildcard and ":port": nothing a header could
  // be split or a policy extended with (';', ',', spaces, quotes, a path).
  if (rest.rfind("*.", 0) == 0) rest.remove_prefix(2);
  for (char c : rest)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != ':') return false;
  return rest.front() != '.' && rest.front() != ':';
}

std::string content_security_policy(const BrowserPolicy& policy) {
  std::string ancestors;
  for (const auto& origin : policy.embedding_origins) ancestors += " " + origin;
  // 'wasm-unsafe-eval' lets the page compile its WebAssembly and nothing else; images come as
  // data: URLs (captchas, uploads' previews); the GPU warm-up worker is a file of ours.
  return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; "
         "img-src 'self' data:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors " +
         (ancestors.empty() ? std::string("'none'") : ancestors.substr(1));
}

void apply_browser_policy(const BrowserPolicy& policy, const Pistache::Http::Request& request,
                          Pistache::Http::ResponseWriter& response) {
  static const std::string kNoEmbedding = content_security_policy({});
  set_header(response, "Content-Security-Policy",
             policy.embedding_origins.empty() ? kNoEmbedding : content_security_policy(policy));
  if (policy.embedding_origins.empty()) set_header(response, "X-Frame-Options", "DENY");
  set_header(response, "X-Content-Type-Options", "nosniff");
  set_header(response, "Referrer-Policy", "no-referrer");
  if (!policy.proxies.empty() && policy.proxies.contains(request.address().host())) {
    std::string proto = header_value(request, "X-Forwarded-Proto");
    for (char& c : proto) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (proto == "https") set_header(response, "Strict-Transport-Security", "max-age=31536000");
  }
}

}  // namespace uia::http
