#include "flows/oidc/oidc_errors.h"

namespace uia::flows::oidc {
namespace {

http::ApiResponse envelope(int status, const char* code, const char* message, std::string_view field) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return http::ApiResponse::json(status, {{"error", error}});
}

}  // namespace

http::ApiResponse redirect_uri_invalid(std::string_view field) {
  return envelope(400, "REDIRECT_URI_INVALID", "回调地址不正确（须为https地址或本机http地址，且不含#）", field);
}

http::ApiResponse level_too_low() {
  return envelope(403, "LEVEL_TOO_LOW", "您的实名认证等级不足，请先提升实名认证等级", "level");
}

}  // namespace uia::flows::oidc
