#include "flows/audit/audit_log.h"

#include <soci/soci.h>

namespace uia::flows {

void record_audit(soci::session& sql, long long at, const AuditEvent& e) { record_audit(sql, at, e, std::string()); }

void record_audit(soci::session& sql, long long at, const AuditEvent& e, const std::string& acting_for) {
  // NULL for actions that act for nobody else (the column came with enterprise agents).
  soci::indicator acting_set = acting_for.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO audit_log (at, actor, action, target, client_ip, result, detail, acting_for) "
         "VALUES (:at, :actor, :action, :target, :ip, :result, :detail, :acting)",
      soci::use(at), soci::use(e.actor), soci::use(e.action), soci::use(e.target), soci::use(e.client_ip),
      soci::use(e.result), soci::use(e.detail), soci::use(acting_for, acting_set);
}

}  // namespace uia::flows
