// Texts the server writes into a person's inbox (flows/messages) that the browser also shows as
// its own notice after the same action: written once here so the two always say the same.
#pragma once
#include <string_view>

namespace uia {

// A person-to-person authorization ended (by either side, or an account deleted).
inline constexpr std::string_view kDelegationEndedText = "授权关系已解除";

}  // namespace uia
