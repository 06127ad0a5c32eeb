#include "http/request_head_guard.h"

#include <cctype>
#include <string>

namespace uia::http {
namespace {

bool name_is(std::string_view name, std::string_view expected) {
  if (name.size() != expected.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[i])) != expected[i]) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<HeadRefusal> check_request_head(std::string_view head, std::size_t max_body_bytes) {
  constexpr HeadRefusal kBad{400, ErrorCode::RequestInvalid};
  int content_lengths = 0;
  bool transfer_encoding = false;
  // Skip the request line; every further line is "name: value".
  std::size_t pos = head.find("\r\n");
  while (pos != std::string_view::npos && pos + 2 < head.size()) {
    const std::size_t start = pos + 2;
    const std::size_t end = head.find("\r\n", start);
    const std::string_view line = head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    pos = end;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (name_is(name, "transfer-encoding")) {
      transfer_encoding = true;
    } else if (name_is(name, "content-length")) {
      if (++content_lengths > 1) return kBad;
      // 19 digits always fit in 64 bits; the size check below does the real bounding.
      if (value.empty() || value.size() > 19) return kBad;
      unsigned long long length = 0;
      for (char c : value) {
        if (c < '0' || c > '9') return kBad;
        length = length * 10 + static_cast<unsigned long long>(c - '0');
      }
      if (length > max_body_bytes) return HeadRefusal{413, ErrorCode::PayloadTooLarge};
    }
  }
  if (content_lengths > 0 && transfer_encoding) return kBad;
  return std::nullopt;
}

}  // namespace uia::http
