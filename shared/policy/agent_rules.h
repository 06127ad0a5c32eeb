// The rules of acting for someone else that the pages explain and the flows enforce: agents
// (经办人) of an enterprise and person-to-person authorizations (授权关系). The numbers a province
// may change live in its profile (agent_max_levels, agent_accept_hours, delegation_accept_hours);
// the ones no manual varies live here. Both halves read them from here, so the explanation on a
// page is produced from the number the server checks, never typed beside it.
#pragma once
#include <string>

#include "profile/profile.h"

namespace uia {

// A person must be at least this real-name level to be taken as an enterprise's legal
// representative (name + ID number checked with the public-security register).
inline constexpr int kLegalRepMinLevel = 2;
// The legal representative adds agents only from this level (a face check: seed 002/003).
inline constexpr int kAddAgentsMinLevel = 3;
// The longest period of an agent grant and of a person-to-person authorization, in years.
inline constexpr int kAgentGrantMaxYears = 5;
inline constexpr int kDelegationMaxYears = 5;
// The deepest chain any profile may set (profile field agents.max_levels is 1-10): the bound of
// every walk up a chain of grants, which also guards against a cycle. The profile's
// agent_max_levels decides how deep a new grant may go; a walk never stops short of it.
inline constexpr int kAgentChainCeiling = 10;

// "24小时": an acceptance window as the pages and the messages name it.
inline std::string hours_text(int hours) { return std::to_string(hours) + "小时"; }
// "在24小时内确认": what the offer's messages and the pages ask of the other side.
inline std::string confirm_within_text(int hours) { return "在" + hours_text(hours) + "内确认"; }
// "授权层级最多3层，不能再次转授权": AGENT_LEVEL_EXCEEDED's message under the profile's depth.
inline std::string agent_levels_exceeded_text(int max_levels) {
  return "授权层级最多" + std::to_string(max_levels) + "层，不能再次转授权";
}
// "5年": a longest period as the hints name it.
inline std::string years_text(int years) { return std::to_string(years) + "年"; }

}  // namespace uia
