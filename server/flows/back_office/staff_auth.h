// Who is calling the back-office API: a staff bearer token (never a cookie, never a person's
// token), an active staff account, and the role the route needs. Every back-office route
// starts here; a later route (e.g. POST /api/v1/admin/clients for OIDC) only names its role.
#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "app/services.h"
#include "http/api.h"
#include "store/staff.h"

namespace uia::flows {

struct SignedInStaff {
  long long session_id = 0;
  store::Staff staff;
  std::string actor() const { return "staff:" + std::to_string(staff.id); }
};

// role empty: any signed-in staff member. 401 UNAUTHENTICATED / SESSION_EXPIRED without a
// valid token, 403 STAFF_ROLE_REQUIRED without the role.
std::variant<SignedInStaff, http::ApiResponse> authenticate_staff(app::Services& services, const http::ApiRequest& request,
                                                                  std::string_view role);

}  // namespace uia::flows
