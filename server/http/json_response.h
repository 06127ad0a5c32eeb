// The one way JSON leaves the server: content type, no caching of personal data, and the
// contract's error envelope {"error": {"code", "message", "field"?}} built from the shared
// catalogue, so the browser shows the very same zh-CN text.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <pistache/http.h>

#include "api/verdict.h"

namespace uia::http {

void send_json(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status,
               const nlohmann::json& body);
// `text` is JSON already serialised (a cached answer); same headers as send_json.
void send_json_text(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, const std::string& text);
void send_error(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, ErrorCode code,
                std::string_view field = {});
// A failed rule: code is the verdict's generic code, message the detail's text.
void send_verdict_error(Pistache::Http::ResponseWriter& response, const Verdict& verdict,
                        std::string_view field);
nlohmann::json error_body(ErrorCode code, ErrorCode detail, std::string_view field);

}  // namespace uia::http
