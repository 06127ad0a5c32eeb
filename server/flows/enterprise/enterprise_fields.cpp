#include "flows/enterprise/enterprise_fields.h"

#include "ids/uscc.h"

namespace uia::flows {
using http::ApiResponse;

bool is_enterprise_type(const Profile& profile, const std::string& org_type) {
  return catalogue_has(profile.organisation_types, org_type);
}

std::optional<ApiResponse> check_enterprise_name(const std::string& name) {
  std::size_t characters = 0;
  for (const unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return ApiResponse::error(400, ErrorCode::EnterpriseNameInvalid, "name");
    if ((c & 0xC0) != 0x80) ++characters;  // count lead bytes only
  }
  if (characters < 2 || characters > 100) return ApiResponse::error(400, ErrorCode::EnterpriseNameInvalid, "name");
  return std::nullopt;
}

std::optional<ApiResponse> check_enterprise_uscc(const std::string& uscc) {
  if (Verdict v = check_uscc(uscc); !v.ok()) return ApiResponse::error(400, v, "uscc");
  return std::nullopt;
}

std::optional<ApiResponse> check_enterprise_identity(const Profile& profile, const std::string& org_type,
                                                     const std::string& name, const std::string& uscc) {
  if (!is_enterprise_type(profile, org_type))
    return ApiResponse::error(400, ErrorCode::EnterpriseTypeInvalid, "org_type");
  if (auto refusal = check_enterprise_name(name)) return refusal;
  return check_enterprise_uscc(uscc);
}

}  // namespace uia::flows
