#include "flows/upstream/return_target.h"

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

}  // namespace uia::flows::upstream
