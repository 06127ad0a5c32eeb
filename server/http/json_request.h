// Request bodies: JSON objects only, nesting depth bounded before parsing (deep nesting would
// overflow the stack in the parser and in dump()).
#pragma once
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace uia::http {

constexpr int kMaxJsonDepth = 16;

// Deepest [ / { nesting of a JSON text, ignoring brackets inside strings.
int json_nesting_depth(std::string_view text);
// The body as a JSON object, or nullopt when it is not valid JSON, not an object or too deep.
std::optional<nlohmann::json> parse_json_object(std::string_view body, int max_depth = kMaxJsonDepth);

}  // namespace uia::http
