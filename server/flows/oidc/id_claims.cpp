#include "flows/oidc/id_claims.h"

namespace uia::flows::oidc {

void add_id_claims(const store::Person& person, const std::set<std::string>& scopes, nlohmann::json& claims) {
  if (!scopes.count(kIdScope) || person.level < kIdClaimMinLevel) return;
  if (person.status != store::PersonStatus::Active || person.id_number.empty()) return;
  claims["id_type"] = person.id_type;
  claims["id_number"] = person.id_number;
  claims["uia_level"] = person.level;
}

}  // namespace uia::flows::oidc
