#include "flows/back_office/staff_auth.h"

#include "flows/back_office/staff_sessions.h"
#include "store/staff_repository.h"

namespace uia::flows {
using http::ApiResponse;

std::variant<SignedInStaff, ApiResponse> authenticate_staff(app::Services& services, const http::ApiRequest& request,
                                                            std::string_view role) {
  if (request.bearer_token.empty()) return ApiResponse::error(401, ErrorCode::Unauthenticated);
  ActiveStaffSession session;
  switch (find_staff_session(services, request.bearer_token, session)) {
    case SessionLookup::Missing: return ApiResponse::error(401, ErrorCode::Unauthenticated);
    case SessionLookup::Expired: return ApiResponse::error(401, ErrorCode::SessionExpired);
    case SessionLookup::Active: break;
  }
  store::StaffRepository staff;
  auto member = services.db->with_session([&](soci::session& sql) { return staff.find_by_id(sql, session.staff_id); });
  // A disabled account's sessions stop at once, without waiting for their expiry.
  if (!member || member->status != "active") return ApiResponse::error(401, ErrorCode::Unauthenticated);
  if (!role.empty() && !member->has_role(role)) return ApiResponse::error(403, ErrorCode::StaffRoleRequired);
  return SignedInStaff{session.id, std::move(*member)};
}

}  // namespace uia::flows
