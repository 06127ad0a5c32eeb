#include "flows/audit/audit_log.h"

#include <soci/soci.h>

#include "store/statement_cache.h"

namespace uia::flows {
namespace {

// Prepared once per pooled connection: every security-relevant request writes one of these,
// inside its own transaction (store/statement_cache.h).
struct InsertAudit {
  long long at = 0;
  AuditEvent e;
  std::string acting_for;
  soci::indicator acting_set = soci::i_null;
  soci::statement st;
  explicit InsertAudit(soci::session& sql)
      : st((sql.prepare << "INSERT INTO audit_log (at, actor, action, target, client_ip, result, detail, acting_for) "
                           "VALUES (:at, :actor, :action, :target, :ip, :result, :detail, :acting)",
            soci::use(at), soci::use(e.actor), soci::use(e.action), soci::use(e.target), soci::use(e.client_ip),
            soci::use(e.result), soci::use(e.detail), soci::use(acting_for, acting_set))) {}
};

}  // namespace

void record_audit(soci::session& sql, long long at, const AuditEvent& e) { record_audit(sql, at, e, std::string()); }

void record_audit(soci::session& sql, long long at, const AuditEvent& e, const std::string& acting_for) {
  store::Prepared<InsertAudit> insert(sql);
  insert->at = at;
  insert->e = e;
  insert->acting_for = acting_for;
  // NULL for actions that act for nobody else (the column came with enterprise agents).
  insert->acting_set = acting_for.empty() ? soci::i_null : soci::i_ok;
  store::run(sql, insert->st);
}

}  // namespace uia::flows
