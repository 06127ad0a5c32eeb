// Reading a JSON request body field by field. The first missing or mistyped field is kept as
// the error to answer with ({"code": "FIELD_REQUIRED" | "FIELD_TYPE", "field": name}), so a
// handler reads everything first and checks once. Strings are bounded in length.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/api.h"

namespace uia::http {

class JsonFields {
 public:
  explicit JsonFields(const nlohmann::json& body, std::size_t max_length = 256) : body_(body), max_(max_length) {}

  std::string required(const char* name);
  std::optional<std::string> optional(const char* name);
  bool flag(const char* name);  // absent or false → false; non-boolean → FIELD_TYPE

  bool failed() const { return error_field_.has_value(); }
  ApiResponse error() const;

 private:
  void fail(ErrorCode code, const char* name);

  const nlohmann::json& body_;
  std::size_t max_;
  ErrorCode error_code_ = ErrorCode::Ok;
  std::optional<std::string> error_field_;
};

}  // namespace uia::http
