// What describes a business system to the OpenID Connect provider (name, type, redirect URIs,
// scopes, subject type, ID-token algorithm, back-channel logout URI, minimum level), read and
// checked the same way whether back-office registers it (POST /api/v1/admin/clients) or the
// configuration file lists it (oidc.clients).
#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "store/oidc_client_repository.h"

namespace uia::flows::oidc {

// Fills `client` from `body`; the structured error to answer with when a field is wrong.
std::optional<http::ApiResponse> read_client_fields(const nlohmann::json& body, store::OidcClient& client);

}  // namespace uia::flows::oidc
