#include "flows/oidc/enterprise_claims.h"

#include <vector>

#include <soci/soci.h>

#include "flows/agents/agent_grant_state.h"
#include "policy/enterprise_roles.h"
#include "flows/audit/audit_log.h"
#include "policy/date.h"
#include "store/agent_grant_repository.h"
#include "store/fetch_all.h"

namespace uia::flows::oidc {
namespace {

// The three nullable columns as the tables hold them (NULL: acting for nobody).
struct ActingColumns {
  long long enterprise_id = 0, grant_id = 0;
  std::string role;
  soci::indicator enterprise_set = soci::i_null, role_set = soci::i_null, grant_set = soci::i_null;

  explicit ActingColumns(const ActingEnterprise& a = {})
      : enterprise_id(a.enterprise_id), grant_id(a.grant_id), role(a.role),
        enterprise_set(a.acting() ? soci::i_ok : soci::i_null), role_set(enterprise_set),
        grant_set(a.acting() && a.grant_id != 0 ? soci::i_ok : soci::i_null) {}
  ActingEnterprise read() const {
    if (enterprise_set != soci::i_ok) return {};
    return {enterprise_id, role_set == soci::i_ok ? role : std::string(), grant_set == soci::i_ok ? grant_id : 0};
  }
};

ActingEnterprise read_acting(soci::session& sql, const char* query, const auto& key) {
  ActingColumns c;
  sql << query, soci::into(c.enterprise_id, c.enterprise_set), soci::into(c.role, c.role_set),
      soci::into(c.grant_id, c.grant_set), soci::use(key);
  if (!sql.got_data()) return {};
  return c.read();
}

}  // namespace

ActingEnterprise acting_of_session(soci::session& sql, long long session_id) {
  return read_acting(sql, "SELECT enterprise_id, acting_role, grant_id FROM sessions WHERE id = :id", session_id);
}

ActingEnterprise acting_for_scope(const ActingEnterprise& session, const std::string& scope) {
  // An enterprise account's own session never reaches a code (authorize refuses it first).
  if (!session.acting() || session.role == "enterprise" || !split_scope(scope).count(kEnterpriseScope)) return {};
  return session;
}

void remember_code_acting(soci::session& sql, const std::string& code_hash, const ActingEnterprise& acting) {
  if (!acting.acting()) return;
  ActingColumns c(acting);
  sql << "UPDATE oidc_codes SET enterprise_id = :e, acting_role = :r, grant_id = :g WHERE code_hash = :h",
      soci::use(c.enterprise_id, c.enterprise_set), soci::use(c.role, c.role_set), soci::use(c.grant_id, c.grant_set),
      soci::use(code_hash);
}

ActingEnterprise code_acting(soci::session& sql, const std::string& code_hash, const std::string& scope) {
  // A code remembers an identity only under kEnterpriseScope (acting_for_scope): nothing to read.
  if (!split_scope(scope).count(kEnterpriseScope)) return {};
  return read_acting(sql, "SELECT enterprise_id, acting_role, grant_id FROM oidc_codes WHERE code_hash = :h", code_hash);
}

void remember_family_acting(soci::session& sql, long long family_id, const ActingEnterprise& acting) {
  if (!acting.acting()) return;
  ActingColumns c(acting);
  sql << "UPDATE oidc_token_families SET enterprise_id = :e, acting_role = :r, grant_id = :g WHERE id = :id",
      soci::use(c.enterprise_id, c.enterprise_set), soci::use(c.role, c.role_set), soci::use(c.grant_id, c.grant_set),
      soci::use(family_id);
}

ActingEnterprise family_acting(soci::session& sql, long long family_id) {
  return read_acting(sql, "SELECT enterprise_id, acting_role, grant_id FROM oidc_token_families WHERE id = :id", family_id);
}

std::optional<nlohmann::json> enterprise_claims(app::Services& services, soci::session& sql, long long person_id,
                                                const ActingEnterprise& acting) {
  if (!acting.acting()) return nlohmann::json::object();
  std::string uscc, name, status;
  long long rep = 0;
  soci::indicator rep_set = soci::i_null;
  sql << "SELECT uscc, name, status, rep_person_id FROM enterprises WHERE id = :e", soci::into(uscc), soci::into(name),
      soci::into(status), soci::into(rep, rep_set), soci::use(acting.enterprise_id);
  if (!sql.got_data() || status != "active") return std::nullopt;
  nlohmann::json out;
  if (acting.role == "legal_rep") {
    // The representative may have changed since the sign-in (变更法定代表人).
    if (rep_set != soci::i_ok || rep != person_id) return std::nullopt;
    out["uia_enterprise"] = {{"uscc", uscc}, {"name", name}, {"role", enterprise_role_claim(acting.role, false)}};
    return out;
  }
  if (acting.role != "agent" && acting.role != "admin") return std::nullopt;
  const auto grant = store::AgentGrantRepository().find(sql, acting.grant_id);
  if (!grant || grant->agent_person_id != person_id || grant->enterprise_id != acting.enterprise_id) return std::nullopt;
  // Disabled, revoked, expired, not yet valid, or an ancestor no longer in force.
  if (!grant_in_force(sql, *grant, services.now_seconds(), format_date(services.clock->today()))) return std::nullopt;
  out["uia_enterprise"] = {{"uscc", uscc}, {"name", name}, {"role", enterprise_role_claim(acting.role, grant->is_admin)}};
  out["uia_agent_scope"] = grant->scope;
  out["uia_agent_valid_until"] = grant->valid_to;
  return out;
}

std::optional<nlohmann::json> family_enterprise_claims(app::Services& services, soci::session& sql, const TokenFamily& family) {
  // The family of a code without kEnterpriseScope never acts for anyone: no query on the hot path.
  if (!split_scope(family.scope).count(kEnterpriseScope)) return nlohmann::json::object();
  return enterprise_claims(services, sql, family.person_id, family_acting(sql, family.id));
}

void add_enterprise_claims(const nlohmann::json& extra, nlohmann::json& claims) {
  if (!extra.is_object()) return;
  for (const auto& [key, value] : extra.items()) claims[key] = value;
}

void end_family_for_lost_identity(soci::session& sql, const TokenFamily& family, long long now, const std::string& client_ip,
                                  const std::string& use) {
  revoke_family(sql, family.id, now, "acting_ended");
  const std::string acting_for = acting_text(family_acting(sql, family.id));
  record_audit(sql, now,
               {"oidc_client:" + family.client_id, use, "person:" + std::to_string(family.person_id), client_ip, "denied",
                "acting_ended family:" + std::to_string(family.id)},
               acting_for);
}

namespace {
// Revokes the families `select` (prepared, into `id`) lists; how many.
int revoke_listed(soci::session& sql, soci::statement& select, const long long& id, long long now, const std::string& reason) {
  const std::vector<long long> families = store::fetch_all(select, id);
  for (long long family : families) revoke_family(sql, family, now, reason);
  return static_cast<int>(families.size());
}
}  // namespace

int revoke_families_of_agent_grant(soci::session& sql, long long grant_id, long long now, const std::string& reason) {
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT id FROM oidc_token_families WHERE grant_id = :g AND revoked_at IS NULL",
                        soci::into(id), soci::use(grant_id));
  // A code not yet exchanged is refused at the exchange (enterprise_claims finds the grant over).
  return revoke_listed(sql, st, id, now, reason);
}

int revoke_families_of_representative(soci::session& sql, long long enterprise_id, long long person_id, long long now,
                                      const std::string& reason) {
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT id FROM oidc_token_families WHERE enterprise_id = :e AND person_id = :p "
                                       "AND acting_role = 'legal_rep' AND revoked_at IS NULL",
                        soci::into(id), soci::use(enterprise_id), soci::use(person_id));
  // As for grants, a code not yet exchanged is refused at the exchange.
  return revoke_listed(sql, st, id, now, reason);
}

int revoke_families_of_enterprise(soci::session& sql, long long enterprise_id, long long now, const std::string& reason) {
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT id FROM oidc_token_families WHERE enterprise_id = :e AND revoked_at IS NULL",
                        soci::into(id), soci::use(enterprise_id));
  const int revoked = revoke_listed(sql, st, id, now, reason);
  sql << "UPDATE oidc_codes SET used_at = :now WHERE enterprise_id = :e AND used_at IS NULL", soci::use(now),
      soci::use(enterprise_id);
  return revoked;
}

std::string acting_text(const ActingEnterprise& acting) {
  if (!acting.acting()) return "";
  std::string out = "enterprise:" + std::to_string(acting.enterprise_id) + " role:" + acting.role;
  if (acting.grant_id != 0) out += " grant:" + std::to_string(acting.grant_id);
  return out;
}

std::string enterprise_role_claim(const std::string& session_role, bool admin_grant) {
  if (session_role == "legal_rep") return "legal_representative";
  if (session_role == "agent" || session_role == "admin") return admin_grant ? "admin_agent" : "agent";
  return "";
}

std::string enterprise_role_label(const std::string& claim_role) {
  return std::string(uia::enterprise_role_label(claim_role));
}

}  // namespace uia::flows::oidc
