// What the provincial services have in common in their replies: {"code": "0" | "OK", ...}.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "ports/http_json_client.h"

namespace uia::ports {

// true when the reply's "code" says success ("0", "OK", or the number 0).
bool provider_code_ok(const nlohmann::json& reply);
// A short operator-facing description of why a reply is not a success, for logs and errors:
// transport error, HTTP status, provider code and message, or "malformed JSON".
std::string describe_failure(const std::string& service, const HttpJsonResponse& response);
// Reads a string (or number, rendered) field; empty when absent.
std::string text_field(const nlohmann::json& reply, const char* name);

}  // namespace uia::ports
