// The signing scheme the provincial platforms share (SMS, population data, face service):
//
//   canonical = the signed fields sorted by name, joined as "name=value&name=value..."
//               (values percent-encoded per RFC 3986: unreserved characters stay as they are,
//               so ids, digits and timestamps appear verbatim; a Chinese name becomes %E9%99%88...)
//   signature = lower-case hex HMAC-SHA256(app_secret, canonical)
//
// e.g. SMS: "app_id=uia&nonce=8f..&phone=13800138000&template_id=SMS_001&timestamp=1795608000".
// Every request carries app_id, timestamp (Unix seconds) and a fresh random nonce, so the
// provider can reject replays; the signature goes in the JSON field "signature" and is repeated
// in the X-Signature header for gateways that check it before parsing the body.
#pragma once
#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace uia::ports {

using SignedFields = std::vector<std::pair<std::string, std::string>>;

std::string hmac_sha256_hex(std::string_view key, std::string_view message);
std::string canonical_string(SignedFields fields);
// Compares in time independent of where the strings differ (lengths may leak, contents do not).
bool constant_time_equals(std::string_view a, std::string_view b);

// Adds app_id, timestamp and nonce to `body`, signs them together with the string fields of
// `body` named in `business_fields`, stores the result in body["signature"] and returns it.
// Fields named but missing or not strings are signed as empty strings.
std::string sign_request_body(nlohmann::json& body, const std::string& app_id, const std::string& app_secret,
                              std::initializer_list<std::string_view> business_fields,
                              std::chrono::system_clock::time_point now);

}  // namespace uia::ports
