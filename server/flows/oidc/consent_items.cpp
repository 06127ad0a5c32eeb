#include "flows/oidc/consent_items.h"

#include "flows/agents/agent_scope.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/oidc_tokens.h"
#include "policy/oidc_scope_labels.h"

namespace uia::flows::oidc {

nlohmann::json consent_items(const std::string& scope) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : split_scope(scope)) {
    nlohmann::json item = {{"scope", s}, {"label", std::string(oidc_scope_label(s))}};
    if (s == "openid") out.insert(out.begin(), std::move(item));
    else out.push_back(std::move(item));
  }
  return out;
}

nlohmann::json consent_acting_for(app::Services& services, const ActiveSession& session, const std::string& scope) {
  return services.db->with_session([&](soci::session& sql) -> nlohmann::json {
    const ActingEnterprise acting = acting_for_scope(acting_of_session(sql, session.id), scope);
    if (!acting.acting()) return nullptr;
    const auto claims = enterprise_claims(services, sql, session.person_id, acting);
    if (!claims || !claims->contains("uia_enterprise")) return nullptr;
    const auto& enterprise = (*claims)["uia_enterprise"];
    nlohmann::json out = {{"uscc", enterprise["uscc"]},
                          {"name", enterprise["name"]},
                          {"role", enterprise["role"]},
                          {"role_label", enterprise_role_label(enterprise["role"].get<std::string>())}};
    if (claims->contains("uia_agent_scope")) {
      nlohmann::json items = nlohmann::json::array();
      const nlohmann::json catalogue = service_items_json(services.profile());
      for (const auto& code : (*claims)["uia_agent_scope"])
        for (const auto& item : catalogue)
          if (item["code"] == code) items.push_back(item);
      out["service_items"] = items;
      out["valid_until"] = (*claims)["uia_agent_valid_until"];
    }
    return out;
  });
}

}  // namespace uia::flows::oidc
