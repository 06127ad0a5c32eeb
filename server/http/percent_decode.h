// Query-string values arrive from Pistache as sent, still percent-encoded ("%2B08:00").
// Handlers whose values may carry reserved characters decode them here. '+' stays '+' (RFC
// 3986; it is a space only in HTML form bodies), so an RFC 3339 offset may be sent either way.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace uia::http {

// nullopt when a '%' is not followed by two hex digits. (Encoding: shared/api/percent_encode.h.)
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace uia::http
