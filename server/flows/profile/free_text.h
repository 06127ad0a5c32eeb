// Free text a person types into the personal centre (work unit, addresses, security answers):
// trimmed, valid UTF-8, no control characters, bounded in characters (not bytes, so a Chinese
// address gets the same room as a Latin one).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "api/error_code.h"

namespace uia::flows {

// Removes leading and trailing ASCII white space and U+3000 (the ideographic space an IME types).
std::string trim_text(std::string_view text);
// Code points of valid UTF-8, or npos when the text is not valid UTF-8.
std::size_t utf8_length(std::string_view text);
// Ok, TextInvalid (bad UTF-8, control characters) or FieldTooLong (more than max_chars).
ErrorCode check_free_text(std::string_view text, std::size_t max_chars);

}  // namespace uia::flows
