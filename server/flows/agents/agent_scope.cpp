#include "flows/agents/agent_scope.h"

#include <algorithm>

namespace uia::flows {

nlohmann::json service_items_json(const Profile& profile) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : profile.service_items) out.push_back({{"code", item.code}, {"label", item.label}});
  return out;
}

std::optional<http::ApiResponse> read_scope(const Profile& profile, const nlohmann::json& body, const char* field,
                                            std::vector<std::string>& out) {
  out.clear();
  if (!body.contains(field)) return http::ApiResponse::error(400, ErrorCode::FieldRequired, field);
  const auto& list = body[field];
  if (!list.is_array()) return http::ApiResponse::error(400, ErrorCode::FieldType, field);
  if (list.empty() || list.size() > 32) return http::ApiResponse::error(400, ErrorCode::AgentScopeInvalid, field);
  std::vector<std::string> wanted;
  for (const auto& code : list) {
    if (!code.is_string()) return http::ApiResponse::error(400, ErrorCode::FieldType, field);
    const std::string text = code.get<std::string>();
    if (!catalogue_has(profile.service_items, text))
      return http::ApiResponse::error(400, ErrorCode::AgentScopeInvalid, field);
    wanted.push_back(text);
  }
  for (const auto& item : profile.service_items)
    if (std::find(wanted.begin(), wanted.end(), item.code) != wanted.end()) out.emplace_back(item.code);
  return std::nullopt;
}

bool scope_within(const std::vector<std::string>& inner, const std::vector<std::string>& outer) {
  return std::all_of(inner.begin(), inner.end(),
                     [&](const std::string& item) { return std::find(outer.begin(), outer.end(), item) != outer.end(); });
}

}  // namespace uia::flows
