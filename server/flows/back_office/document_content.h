// What an uploaded identity document may be: JPEG, PNG or PDF, at most 2 MiB once decoded,
// sent as standard base64 in JSON, and its first bytes must be the declared type's signature
// (a renamed executable or HTML page is refused before it reaches a reviewer's screen).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "api/error_code.h"

namespace uia::flows {

constexpr std::size_t kMaxDocumentBytes = 2 * 1024 * 1024;
// The base64 text of the largest document, plus room for line breaks.
constexpr std::size_t kMaxDocumentBase64 = (kMaxDocumentBytes + 2) / 3 * 4 + 64 * 1024;

bool known_document_kind(std::string_view kind);          // passport_photo_page | residence_permit | other
bool known_document_content_type(std::string_view type);  // image/jpeg | image/png | application/pdf

// Decodes base64 (line breaks and spaces ignored) into `out`. DocumentDataInvalid for bad text
// or an empty file, DocumentTooLarge over kMaxDocumentBytes.
ErrorCode decode_document(std::string_view base64, std::string& out);
// Standard base64 (with padding), as documents travel in JSON.
std::string encode_document(std::string_view bytes);
// Whether `bytes` start with the signature of `content_type`.
bool content_matches_type(std::string_view bytes, std::string_view content_type);

}  // namespace uia::flows
