#include "api/error_code.h"

namespace uia {
namespace {

struct Entry {
  std::string_view name;
  std::string_view zh;
  std::string_view en;
};

constexpr Entry kEntries[] = {
#define UIA_ENTRY(e, name, zh, en) {name, zh, en},
    UIA_ERROR_CODES(UIA_ENTRY)
#undef UIA_ENTRY
};

constexpr std::size_t kCount = sizeof(kEntries) / sizeof(kEntries[0]);

const Entry& entry(ErrorCode code) {
  const auto i = static_cast<std::size_t>(code);
  return i < kCount ? kEntries[i] : kEntries[static_cast<std::size_t>(ErrorCode::InternalError)];
}

}  // namespace

std::string_view code_name(ErrorCode code) { return entry(code).name; }
std::string_view message_zh(ErrorCode code) { return entry(code).zh; }
std::string_view message_en(ErrorCode code) { return entry(code).en; }

std::optional<ErrorCode> code_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kCount; ++i)
    if (kEntries[i].name == name) return static_cast<ErrorCode>(i);
  return std::nullopt;
}

std::size_t error_code_count() { return kCount; }

ErrorCode error_code_at(std::size_t index) {
  return index < kCount ? static_cast<ErrorCode>(index) : ErrorCode::InternalError;
}

}  // namespace uia
