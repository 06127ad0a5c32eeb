// What the consent page lists (GET /api/v1/oidc/requests/{id}): each requested scope with its
// zh-CN label (shared/policy/oidc_scope_labels), and whom the signed-in session would
// release data for when the client asked for uia_enterprise (the enterprise, the role, the
// granted service items).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "flows/sessions/session_store.h"

namespace uia::flows::oidc {

// [{"scope", "label"}] in the order of the request's scope string ("openid" first).
nlohmann::json consent_items(const std::string& scope);
// {"uscc", "name", "role", "role_label", "service_items": [{"code", "label"}], "valid_until"}
// when the session acts for an enterprise and `scope` holds uia_enterprise; null otherwise.
nlohmann::json consent_acting_for(app::Services& services, const ActiveSession& session, const std::string& scope);

}  // namespace uia::flows::oidc
