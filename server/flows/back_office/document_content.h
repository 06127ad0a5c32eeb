// What an uploaded identity document may be: one of the profile's document kinds, JPEG, PNG
// or PDF, at most the profile's document_max_kib once decoded, sent as standard base64 in
// JSON, and its first bytes must be the declared type's signature
// (a renamed executable or HTML page is refused before it reaches a reviewer's screen).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "api/error_code.h"
#include "profile/profile.h"

namespace uia::flows {

// The largest document the profile accepts, in bytes once decoded.
constexpr std::size_t document_max_bytes(const Profile& profile) {
  return static_cast<std::size_t>(profile.document_max_kib) * 1024;
}
// The base64 text of a document of `max_bytes`, plus room for line breaks.
constexpr std::size_t document_base64_limit(std::size_t max_bytes) { return (max_bytes + 2) / 3 * 4 + 64 * 1024; }

bool known_document_content_type(std::string_view type);  // image/jpeg | image/png | application/pdf

// Decodes base64 (line breaks and spaces ignored) into `out`. DocumentDataInvalid for bad text
// or an empty file, DocumentTooLarge over `max_bytes`.
ErrorCode decode_document(std::string_view base64, std::size_t max_bytes, std::string& out);
// Standard base64 (with padding), as documents travel in JSON.
std::string encode_document(std::string_view bytes);
// Whether `bytes` start with the signature of `content_type`.
bool content_matches_type(std::string_view bytes, std::string_view content_type);

}  // namespace uia::flows
