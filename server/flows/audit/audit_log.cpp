#include "flows/audit/audit_log.h"

#include <soci/soci.h>

namespace uia::flows {

void record_audit(soci::session& sql, long long at, const AuditEvent& e) {
  sql << "INSERT INTO audit_log (at, actor, action, target, client_ip, result, detail) "
         "VALUES (:at, :actor, :action, :target, :ip, :result, :detail)",
      soci::use(at), soci::use(e.actor), soci::use(e.action), soci::use(e.target), soci::use(e.client_ip),
      soci::use(e.result), soci::use(e.detail);
}

}  // namespace uia::flows
