#include "flows/appeals/material_purge.h"

#include "flows/audit/audit_log.h"
#include "store/appeal_repository.h"

namespace uia::flows {
namespace {
constexpr int kCasesPerPass = 100;
}

int purge_decided_materials(app::Services& services) {
  const long long now = services.now_seconds();
  const long long decided_before = now - static_cast<long long>(services.limits.appeal_materials_retention_days) * 86400;
  store::AppealRepository appeals(*services.cipher);
  const auto due = services.db->with_session(
      [&](soci::session& sql) { return appeals.cases_to_purge(sql, decided_before, kCasesPerPass); });
  int purged = 0;
  for (long long case_id : due) {
    services.db->transact([&](soci::session& sql) {
      const auto appeal = appeals.find(sql, case_id);
      if (!appeal || appeal->materials_purged_at != 0) return;  // another node was first
      const int files = appeals.purge_materials(sql, case_id, now);
      appeals.add_event(sql, case_id, {now, "system", "materials_purged", std::to_string(files) + " files"});
      record_audit(sql, now, {"system", "case.materials.purged", "appeal:" + appeal->case_number, "", "ok",
                              std::to_string(files) + " files"});
      ++purged;
    });
  }
  return purged;
}

}  // namespace uia::flows
