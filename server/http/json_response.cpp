#include "http/json_response.h"

#include "http/entity.h"
#include "http/response_headers.h"

namespace uia::http {

nlohmann::json error_body(ErrorCode code, ErrorCode detail, std::string_view field) {
  nlohmann::json error = {{"code", code_name(code)}, {"message", message_zh(detail)}};
  if (detail != code) error["detail"] = code_name(detail);
  if (!field.empty()) error["field"] = field;
  return {{"error", std::move(error)}};
}

void send_json(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status,
               const nlohmann::json& body) {
  // Invalid UTF-8 from a client must never turn into an exception (and a 500) on the way out.
  send_json_text(response, status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void send_json_text(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, const std::string& text) {
  set_header(response, "Cache-Control", "no-store");
  send_entity(response, status, text, "application/json; charset=utf-8");
}

void send_error(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, ErrorCode code,
                std::string_view field) {
  send_json(response, status, error_body(code, code, field));
}

void send_verdict_error(Pistache::Http::ResponseWriter& response, const Verdict& verdict,
                        std::string_view field) {
  send_json(response, Pistache::Http::Code::Bad_Request, error_body(verdict.code, verdict.detail, field));
}

}  // namespace uia::http
