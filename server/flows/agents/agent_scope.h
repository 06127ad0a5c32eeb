// What an agent may do for an enterprise: a list of service items (seed 001 "服务事项范围").
// The catalogue is the province profile's service_items (the browser names items from the
// same profile); a grant's scope is a non-empty subset, a re-delegated grant's scope a subset
// of its parent's.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "profile/profile.h"

namespace uia::flows {

// Every item of the catalogue, for clients: [{"code", "label"}].
nlohmann::json service_items_json(const Profile& profile);
// The scope of a request body's field `field` (a JSON array of codes, at least one, no
// unknown code; duplicates dropped, catalogue order), or the 400 answer.
std::optional<http::ApiResponse> read_scope(const Profile& profile, const nlohmann::json& body, const char* field,
                                            std::vector<std::string>& out);
// Every item of `inner` is in `outer`.
bool scope_within(const std::vector<std::string>& inner, const std::vector<std::string>& outer);

}  // namespace uia::flows
