// The other two requests an OAuth/OpenID Connect relying party makes, in HttpJsonClient's
// never-throw style with the same options (timeouts, TLS verification always on, no redirects,
// no environment proxies, a response size cap): a form POST (token endpoints) and a GET (JWKS,
// userinfo). `url` is appended to options.base_url (leave that empty to pass full URLs).
// They share HttpJsonClient's implementation (http_json_client.cpp).
#pragma once
#include <string>

#include "ports/http_json_client.h"

namespace uia::ports {

// POST application/x-www-form-urlencoded; `form_body` already encoded ("a=1&b=2").
HttpJsonResponse http_post_form(const HttpJsonClientOptions& options, const std::string& url,
                                const std::string& form_body, const HttpHeaders& headers = {}) noexcept;
HttpJsonResponse http_get(const HttpJsonClientOptions& options, const std::string& url,
                          const HttpHeaders& headers = {}) noexcept;

}  // namespace uia::ports
