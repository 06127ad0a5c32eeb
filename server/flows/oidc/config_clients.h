// Business systems listed in the configuration file (oidc.clients) instead of registered by
// back-office: an operator keeps the province's clients in deployment configuration, and every
// start makes the database agree with it. Each entry reads like a registration body
// (POST /api/v1/admin/clients) plus its own client_id and, for a confidential client, its
// client_secret (only its hash is stored). A listed client is created, or rewritten when the
// file changed; one disabled by back-office stays disabled. A client_id that back-office
// registered is never taken over. Any bad entry stops the start with the entry and field named.
#pragma once
#include <nlohmann/json.hpp>

#include "app/services.h"

namespace uia::flows::oidc {

// Throws std::runtime_error("oidc.clients[i].field: ...") on a bad entry; writes nothing then.
void apply_config_clients(app::Services& services, const nlohmann::json& clients);

}  // namespace uia::flows::oidc
