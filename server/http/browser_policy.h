// What browsers are told to enforce on everything the server answers: the page shell may run
// only this origin's scripts and WebAssembly (no inline script, no eval), nobody may frame it
// unless the config lists the embedding site (clickjacking), nothing is MIME-sniffed, no URL
// leaks in a Referer, and a browser that reached us over TLS keeps using TLS (HSTS).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <pistache/http.h>

#include "http/trusted_proxies.h"

namespace uia::http {

struct BrowserPolicy {
  // Config "embedding_origins": sites whose pages may frame ours (a provincial portal that
  // shows the sign-in inside its own page). Empty: frame-ancestors 'none' and X-Frame-Options.
  std::vector<std::string> embedding_origins;
  // HSTS needs TLS, which nginx terminates: it is sent when a trusted proxy says the browser
  // came over https (X-Forwarded-Proto), never on plain http.
  TrustedProxies proxies;
};

// An https origin (http too when `allow_http`, for dev): scheme, host, optional port, nothing else.
bool valid_embedding_origin(std::string_view origin, bool allow_http);

std::string content_security_policy(const BrowserPolicy& policy);
void apply_browser_policy(const BrowserPolicy& policy, const Pistache::Http::Request& request,
                          Pistache::Http::ResponseWriter& response);

}  // namespace uia::http
