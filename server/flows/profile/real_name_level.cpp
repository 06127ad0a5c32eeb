#include "flows/profile/real_name_level.h"

#include "policy/level_names.h"

namespace uia::flows {

// The web client's names (shared/policy/level_names.h), so an API answer and the page agree.
std::string_view real_name_level_label(int level) { return real_name_level_name(level); }

}  // namespace uia::flows
