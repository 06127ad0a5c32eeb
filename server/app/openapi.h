// GET /api/v1/openapi.json: the whole REST API in OpenAPI 3, including every error code of the
// shared catalogue (the stable UPPER_SNAKE names integrators switch on).
#pragma once
#include <nlohmann/json.hpp>

namespace uia::app {

// `dev_mode` adds the /api/dev/* routes, which exist only in dev mode.
const nlohmann::json& openapi_document(bool dev_mode);

}  // namespace uia::app
