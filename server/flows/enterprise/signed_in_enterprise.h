// The enterprise a request acts for: a session that acts for enterprise {id} of the path
// (authenticate() + ActingFor) in one of the allowed roles, and the enterprise row. An agent's
// session (built later) names the same enterprise with role "agent" or "admin" and passes only
// where the route allows that role.
#pragma once
#include <initializer_list>
#include <string_view>
#include <variant>

#include "app/services.h"
#include "flows/agents/acting_check.h"
#include "flows/sessions/session_store.h"
#include "http/api.h"
#include "store/enterprise.h"

namespace uia::flows {

struct EnterpriseCaller {
  ActiveSession session;
  store::Enterprise enterprise;
  long long grant_id = 0;  // an agent's session: the grant it rests on
  std::string actor() const {  // for the audit trail: who acted
    return session.person_id != 0 ? "person:" + std::to_string(session.person_id)
                                  : "enterprise:" + std::to_string(enterprise.id);
  }
  // For the audit trail: whom a person acted for ("enterprise:3 role:agent grant:7"); "" for the
  // enterprise account itself (its actor already says so).
  std::string acting_for() const {
    return session.person_id != 0
               ? acting_for_text({session.acting.enterprise_id, session.acting.role, grant_id})
               : "";
  }
};

// 401 without a working session, 403 ENTERPRISE_FORBIDDEN when the session does not act for
// this enterprise in one of `roles`, 404 for an unknown id.
std::variant<EnterpriseCaller, http::ApiResponse> signed_in_enterprise(app::Services& services,
                                                                       const http::ApiRequest& request,
                                                                       std::initializer_list<std::string_view> roles);

}  // namespace uia::flows
