#include "app/province.h"

#include <stdexcept>

#include "crypto/tokens.h"

namespace uia::app {

FlatFields flatten_json(const nlohmann::json& value, const std::string& prefix) {
  FlatFields out;
  auto walk = [&out](const auto& self, const nlohmann::json& v, const std::string& path) -> void {
    if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it) self(self, it.value(), path.empty() ? it.key() : path + "." + it.key());
    } else if (v.is_array()) {
      if (v.empty()) out.emplace_back(path, "");
      for (std::size_t i = 0; i < v.size(); ++i) self(self, v[i], path + "." + std::to_string(i));
    } else if (v.is_string()) {
      out.emplace_back(path, v.get<std::string>());
    } else if (v.is_null()) {
      throw std::runtime_error(path + ": null is not a value");
    } else {
      out.emplace_back(path, v.dump());
    }
  };
  walk(walk, value, prefix);
  return out;
}

std::shared_ptr<const ProvinceProfile> resolve_profile(const std::string& name, const nlohmann::json& section) {
  std::string base = name;
  FlatFields overrides;
  if (section.is_string()) {
    if (base.empty()) base = section.get<std::string>();
  } else if (section.is_object()) {
    nlohmann::json fields = section;
    if (auto it = fields.find("base"); it != fields.end()) {
      if (!it->is_string()) throw std::runtime_error("profile.base: must be the name of a built-in profile");
      if (base.empty()) base = it->get<std::string>();
      fields.erase(it);
    }
    overrides = flatten_json(fields);
  } else if (!section.is_null()) {
    throw std::runtime_error("profile: must be a profile name or an object {\"base\": NAME, ...}");
  }
  if (base.empty()) base = std::string(kDefaultProfileName);
  auto profile = builtin_profile(base);
  if (!profile) {
    std::string names;
    for (std::string_view n : builtin_profile_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    throw std::runtime_error("profile: no built-in profile named '" + base + "' (" + names + ")");
  }
  if (ProfileProblem problem = apply_profile_fields(*profile, overrides); !problem.ok())
    throw std::runtime_error("profile." + problem.field + ": " + problem.message);
  auto resolved = std::make_shared<ProvinceProfile>();
  resolved->rules = std::move(*profile);
  resolved->json = profile_json(resolved->rules);
  resolved->etag = "\"" + crypto::token_hash(resolved->json).substr(0, 32) + "\"";
  return resolved;
}

}  // namespace uia::app
