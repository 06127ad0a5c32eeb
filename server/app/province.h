// The province profile the server runs with (shared/profile): chosen by `--profile NAME` or the
// config file's "profile" ("hubei", or {"base": "hubei", <fields to change>}), resolved once at
// start, then read by every flow and sent to the browser as it is.
#pragma once
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "profile/profile.h"
#include "profile/profile_fields.h"

namespace uia::app {

struct ProvinceProfile {
  Profile rules;
  std::string json;  // profile_json(rules): `uia profile show` and GET /api/v1/profile
  std::string etag;  // a strong validator of `json`
};

// `name` (from --profile; empty: the config's base, else jilin) picks a built-in profile; the
// config section's other fields are applied over it. Throws std::runtime_error naming the bad
// field ("profile.password.max_length: ...") or the unknown profile; nothing is half-applied.
std::shared_ptr<const ProvinceProfile> resolve_profile(const std::string& name, const nlohmann::json& section);

// A JSON value's leaves by path, as the browser's fetch glue flattens them; an empty list is its
// own path with an empty value. Throws std::runtime_error for null.
FlatFields flatten_json(const nlohmann::json& value, const std::string& prefix = "");

}  // namespace uia::app
