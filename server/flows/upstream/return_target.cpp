#include "flows/upstream/return_target.h"

#include <cctype>

namespace uia::flows::upstream {

bool is_safe_return_target(std::string_view target) {
  if (target.empty() || target.size() > kReturnTargetMaxLength) return false;
  if (target[0] != '/') return false;
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return false;
  for (const char c : target) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f || c == '\\') return false;
  }
  return true;
}

std::string pending_request_in(std::string_view target) {
  constexpr std::string_view prefix = "/#/consent?oidc=";
  if (target.substr(0, prefix.size()) != prefix) return "";
  const std::string_view id = target.substr(prefix.size(), target.find('&') == std::string_view::npos
                                                               ? std::string_view::npos
                                                               : target.find('&') - prefix.size());
  if (id.empty() || id.size() > 64) return "";
  for (const char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (!std::isalnum(byte) && c != '-' && c != '_') return "";
  }
  return std::string(id);
}

}  // namespace uia::flows::upstream
