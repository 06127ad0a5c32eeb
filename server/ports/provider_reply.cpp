#include "ports/provider_reply.h"

namespace uia::ports {

bool provider_code_ok(const nlohmann::json& reply) {
  if (!reply.is_object()) return false;
  const auto code = reply.find("code");
  if (code == reply.end()) return false;
  if (code->is_string()) return *code == "0" || *code == "OK";
  if (code->is_number_integer()) return code->get<long long>() == 0;
  return false;
}

std::string text_field(const nlohmann::json& reply, const char* name) {
  if (!reply.is_object()) return {};
  const auto field = reply.find(name);
  if (field == reply.end()) return {};
  if (field->is_string()) return field->get<std::string>();
  if (field->is_number()) return field->dump();
  return {};
}

std::string describe_failure(const std::string& service, const HttpJsonResponse& response) {
  if (!response.transport_ok) {
    return service + (response.timed_out ? ": timed out: " : ": unreachable: ") + response.transport_error;
  }
  std::string out = service + ": HTTP " + std::to_string(response.status);
  if (!response.json_ok) return out + ", malformed JSON reply";
  const auto code = text_field(response.json, "code");
  if (!code.empty()) out += ", code " + code;
  const auto message = text_field(response.json, "message");
  if (!message.empty()) out += ", " + message.substr(0, 200);
  return out;
}

}  // namespace uia::ports
