// Placeholder until the pinyin table lands (same session): never finds a name.
#include "policy/name_pinyin.h"

namespace uia {

bool contains_name_pinyin(std::string_view, std::string_view) { return false; }

}  // namespace uia
