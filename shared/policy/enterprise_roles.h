// What the people acting for an enterprise are called: the same words on the agent pages, in
// the OIDC enterprise claims (uia_enterprise_role_label) and in the agent-management forms.
#pragma once
#include <string_view>

namespace uia {

inline constexpr std::string_view kLegalRepLabel = "法定代表人";
inline constexpr std::string_view kAgentLabel = "经办人";
inline constexpr std::string_view kAdminAgentLabel = "管理员经办人";

// The label of an OIDC enterprise role claim ("legal_representative", "admin_agent", "agent");
// empty for anything else.
constexpr std::string_view enterprise_role_label(std::string_view claim_role) {
  if (claim_role == "legal_representative") return kLegalRepLabel;
  if (claim_role == "admin_agent") return kAdminAgentLabel;
  if (claim_role == "agent") return kAgentLabel;
  return {};
}

}  // namespace uia
