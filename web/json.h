// Just enough JSON for the client: escaping for request bodies and the mirror.
// (Responses are flattened to key/value pairs by glue.js; see net.h.)
#pragma once
#include <string>
#include <string_view>

namespace uia::web {

void append_json_string(std::string& out, std::string_view text);

// {"a":"x","b":true} built field by field.
class JsonObject {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
  JsonObject& add(std::string_view key, bool value);
  JsonObject& add(std::string_view key, long long value);
  std::string str() const { return body_ + "}"; }

 private:
  void key(std::string_view k);
  std::string body_ = "{";
};

}  // namespace uia::web
