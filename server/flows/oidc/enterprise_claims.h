// The "uia_enterprise" scope: a person acting for an enterprise (its legal representative, or an
// agent on a grant, 经办人) signs in to a business system as that enterprise's person. The code
// and the token family remember whom the session acted for; the ID token, userinfo and
// introspection then carry
//   uia_enterprise        {"uscc", "name", "role": legal_representative | agent | admin_agent}
//   uia_agent_scope       the grant's service-item codes (agents only: a representative may do all)
//   uia_agent_valid_until the grant's last valid day, YYYY-MM-DD (agents only)
// Only a client registered for the scope that asks for it gets them (data minimisation: most
// business systems serve persons, and the consent page names what is released); without the
// scope the tokens are the person's own, whoever the session acts for.
// Every use of the tokens re-checks that the identity still holds (the grant and its ancestors
// in force, the person still the representative, the enterprise active): when it does not, the
// family is revoked and the use refused.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <soci/session.h>

#include "app/services.h"
#include "flows/oidc/oidc_tokens.h"

namespace uia::flows::oidc {

constexpr const char* kEnterpriseScope = "uia_enterprise";

// Whom a session, a code or a token family acts for; enterprise_id 0: the person themselves.
struct ActingEnterprise {
  long long enterprise_id = 0;
  std::string role;  // the session's: legal_rep, agent, admin
  long long grant_id = 0;  // agents: the grant the identity rests on
  bool acting() const { return enterprise_id != 0; }
};

// The session's acting identity (sessions.enterprise_id, acting_role, grant_id). An enterprise
// account's own session reads role "enterprise" (see enterprise_account.h).
ActingEnterprise acting_of_session(soci::session& sql, long long session_id);
// What a new code remembers: `session` when `scope` holds kEnterpriseScope, nobody otherwise.
ActingEnterprise acting_for_scope(const ActingEnterprise& session, const std::string& scope);

// Read and written next to the rows oidc_tokens/pending_request make (own statements, so the
// token hot path's queries stay as they are).
void remember_code_acting(soci::session& sql, const std::string& code_hash, const ActingEnterprise& acting);
// nobody, without a query, when the code's `scope` lacks kEnterpriseScope.
ActingEnterprise code_acting(soci::session& sql, const std::string& code_hash, const std::string& scope);
void remember_family_acting(soci::session& sql, long long family_id, const ActingEnterprise& acting);
ActingEnterprise family_acting(soci::session& sql, long long family_id);

// The claims for `person_id` acting as `acting`: {} when acting for nobody; nullopt when the
// identity no longer holds (the caller refuses and revokes).
std::optional<nlohmann::json> enterprise_claims(app::Services& services, soci::session& sql, long long person_id,
                                                const ActingEnterprise& acting);
// The same for a token family (reads what it remembers).
std::optional<nlohmann::json> family_enterprise_claims(app::Services& services, soci::session& sql, const TokenFamily& family);
// Copies `extra` (from the functions above) into `claims`.
void add_enterprise_claims(const nlohmann::json& extra, nlohmann::json& claims);

// A family whose acting identity no longer holds: revoked (reason "acting_ended") and audited.
void end_family_for_lost_identity(soci::session& sql, const TokenFamily& family, long long now, const std::string& client_ip,
                                  const std::string& use);
// Revoking or disabling an agent grant: every live family resting on it, in the caller's
// transaction. How many were revoked.
int revoke_families_of_agent_grant(soci::session& sql, long long grant_id, long long now, const std::string& reason);
// A new legal representative: every live family the former one (`person_id`) holds as the
// representative of `enterprise_id` ends at once, in the caller's transaction (agents' families
// rest on their grants and stay). How many were revoked.
int revoke_families_of_representative(soci::session& sql, long long enterprise_id, long long person_id, long long now,
                                      const std::string& reason);
// Every live family acting for `enterprise_id`, whoever holds it (a frozen enterprise, its
// account taken back by appeal); unexchanged codes acting for it are spent. How many were revoked.
int revoke_families_of_enterprise(soci::session& sql, long long enterprise_id, long long now, const std::string& reason);

// For the audit trail: "enterprise:3 role:agent grant:7", "" when acting for nobody.
std::string acting_text(const ActingEnterprise& acting);

// The claim's role for a session role ("legal_rep" → "legal_representative", ...); "" if none.
std::string enterprise_role_claim(const std::string& session_role, bool admin_grant);
// zh-CN, for the consent page: 法定代表人, 经办人, 管理员经办人.
std::string enterprise_role_label(const std::string& claim_role);

}  // namespace uia::flows::oidc
