#include "flows/back_office/document_content.h"

#include <sodium.h>

namespace uia::flows {

bool known_document_content_type(std::string_view type) {
  return type == "image/jpeg" || type == "image/png" || type == "application/pdf";
}

ErrorCode decode_document(std::string_view base64, std::size_t max_bytes, std::string& out) {
  if (base64.size() > document_base64_limit(max_bytes)) return ErrorCode::DocumentTooLarge;
  out.assign(base64.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), base64.data(), base64.size(), " \r\n\t",
                        &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != base64.data() + base64.size())
    return ErrorCode::DocumentDataInvalid;
  out.resize(length);
  if (out.empty()) return ErrorCode::DocumentDataInvalid;
  if (out.size() > max_bytes) return ErrorCode::DocumentTooLarge;
  return ErrorCode::Ok;
}

std::string encode_document(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool content_matches_type(std::string_view bytes, std::string_view content_type) {
  const auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (content_type == "image/jpeg") return starts("\xFF\xD8\xFF");
  if (content_type == "image/png") return starts("\x89PNG\r\n\x1A\n");
  if (content_type == "application/pdf") return starts("%PDF-");
  return false;
}

}  // namespace uia::flows
