#include "http/json_fields.h"

namespace uia::http {

void JsonFields::fail(ErrorCode code, const char* name) {
  if (error_field_) return;
  error_code_ = code;
  error_field_ = name;
}

std::optional<std::string> JsonFields::optional(const char* name) {
  const auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::nullopt;
  if (!it->is_string() || it->get_ref<const std::string&>().size() > max_) {
    fail(ErrorCode::FieldType, name);
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::string JsonFields::required(const char* name) {
  auto value = optional(name);
  if (!value || value->empty()) {
    if (!failed()) fail(ErrorCode::FieldRequired, name);
    return {};
  }
  return *value;
}

bool JsonFields::flag(const char* name) {
  const auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return false;
  if (!it->is_boolean()) {
    fail(ErrorCode::FieldType, name);
    return false;
  }
  return it->get<bool>();
}

ApiResponse JsonFields::error() const {
  return ApiResponse::error(400, error_code_, error_field_.value_or(""));
}

}  // namespace uia::http
