#include "flows/enterprise/registry_check.h"

#include "flows/audit/audit_log.h"
#include "store/enterprise_repository.h"

namespace uia::flows {

ports::RegistryQuery registry_query_of(const store::Enterprise& e) {
  return {e.uscc, e.name, e.rep_name, e.rep_id_number};
}

ports::RegistryAnswer ask_registry(app::Services& services, const ports::RegistryQuery& query) {
  if (!services.ports.registry) return {ports::RegistryVerdict::Unavailable, {}};
  return services.ports.registry->check(query);
}

int recheck_unverified_enterprises(app::Services& services, int batch) {
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const auto ids = services.db->with_session([&](soci::session& sql) { return enterprises.unverified_ids(sql, batch); });
  int verified = 0;
  for (const long long id : ids) {
    const auto before = services.db->with_session([&](soci::session& sql) { return enterprises.find_by_id(sql, id); });
    if (!before || before->status != store::EnterpriseStatus::Unverified) continue;
    // The registry call stays outside any transaction: it may take seconds.
    const ports::RegistryAnswer answer = ask_registry(services, registry_query_of(*before));
    const long long now = services.now_seconds();
    verified += services.db->transact([&](soci::session& sql) -> int {
      auto e = enterprises.find_by_id(sql, id);
      // Another node, or a change in the enterprise centre, got there first.
      if (!e || e->status != store::EnterpriseStatus::Unverified || e->name != before->name ||
          e->rep_id_number != before->rep_id_number)
        return 0;
      e->registry_checked_at = now;
      e->updated_at = now;
      const std::string target = "enterprise:" + std::to_string(id);
      switch (answer.verdict) {
        case ports::RegistryVerdict::Confirmed:
          e->status = store::EnterpriseStatus::Active;
          e->registry_confirmed = true;
          e->registry = answer.entry;
          enterprises.update(sql, *e);
          record_audit(sql, now, {"system", "enterprise.verify", target, "", "ok", "registry confirmed"});
          return 1;
        case ports::RegistryVerdict::Mismatch:
          e->status = store::EnterpriseStatus::RegistryMismatch;
          enterprises.update(sql, *e);
          record_audit(sql, now, {"system", "enterprise.verify", target, "", "failed", "REGISTRY_MISMATCH"});
          return 0;
        case ports::RegistryVerdict::NotYetKnown:
        case ports::RegistryVerdict::Unavailable:
          enterprises.update(sql, *e);
          return 0;
      }
      return 0;
    });
  }
  return verified;
}

}  // namespace uia::flows
