// The REST surface: every /api route of the platform, bound to its flow. Dev-only routes are
// added only when the services run in dev mode, so in production they do not exist (404).
#pragma once
#include <nlohmann/json.hpp>

#include "app/services.h"
#include "http/router.h"
#include "runtime/worker_pool.h"

namespace uia::app {

// oidc_config: the config file's "oidc" section (null for defaults); upstream_config: its
// "upstream" section (null: no upstream providers). Throws std::runtime_error when either is
// invalid (see flows/oidc/provider.h, flows/upstream/upstream_config.h).
void add_api_routes(http::Router& router, Services& services, runtime::WorkerPool& workers,
                    const nlohmann::json& oidc_config = nullptr, const nlohmann::json& upstream_config = nullptr);

}  // namespace uia::app
