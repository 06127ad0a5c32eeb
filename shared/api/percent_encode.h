// Query-component encoding (RFC 3986 §2.3), one definition for the browser client (return_to)
// and the server (OIDC redirects and form bodies, signed requests to external services).
#pragma once
#include <string>
#include <string_view>

namespace uia {

// Every byte but the unreserved A-Z a-z 0-9 - . _ ~ as %XX: safe in a query and in an
// application/x-www-form-urlencoded body alike, and "&" or "=" inside a value cannot forge a field.
std::string percent_encode(std::string_view text);

}  // namespace uia
