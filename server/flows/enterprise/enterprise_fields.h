// The checks of what names an organisation (legal-person type, name, USCC), shared by
// registration, activation, recovery and the enterprise centre.
#pragma once
#include <optional>
#include <string>

#include "http/api.h"
#include "profile/profile.h"

namespace uia::flows {

// One of the province's legal-person types (profile.organisation_types: jilin offers only
// enterprise 企业法人; hainan and hubei also social_organisation, public_institution).
bool is_enterprise_type(const Profile& profile, const std::string& org_type);
// ENTERPRISE_NAME_INVALID unless 2-100 characters (UTF-8 code points) without control characters.
std::optional<http::ApiResponse> check_enterprise_name(const std::string& name);
// USCC_INVALID (detail: which GB 32100 rule failed, e.g. USCC_CHECK_DIGIT) on field "uscc".
std::optional<http::ApiResponse> check_enterprise_uscc(const std::string& uscc);
// All three, in that order.
std::optional<http::ApiResponse> check_enterprise_identity(const Profile& profile, const std::string& org_type,
                                                           const std::string& name, const std::string& uscc);

}  // namespace uia::flows
