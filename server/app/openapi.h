// GET /api/v1/openapi.json: the whole REST API in OpenAPI 3, including every error code of the
// shared catalogue (the stable UPPER_SNAKE names integrators switch on).
#pragma once
#include <nlohmann/json.hpp>

namespace uia::app {

const nlohmann::json& openapi_document();

}  // namespace uia::app
