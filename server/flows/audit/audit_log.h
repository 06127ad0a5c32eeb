// The audit trail: who did what, when, from where, with what result. Written in the same
// transaction as the change it describes, so the trail never disagrees with the data. Personal
// data never goes in: actors are "person:<id>", targets name records, details use masks.
#pragma once
#include <string>

#include <soci/session.h>

namespace uia::flows {

struct AuditEvent {
  std::string actor;      // "person:42", "anonymous", "admin:ops1", "system"
  std::string action;     // "person.register", "session.login", "sms.send", ...
  std::string target;     // "person:42", "session:17", "phone:150****0058"
  std::string client_ip;
  std::string result;     // "ok", "denied", "failed"
  std::string detail;     // error code or short masked note
};

void record_audit(soci::session& sql, long long at, const AuditEvent& event);
// The same, for an action done while a person acts for an enterprise: whom for, e.g.
// "enterprise:3 role:agent grant:7" ("" records nothing extra).
void record_audit(soci::session& sql, long long at, const AuditEvent& event, const std::string& acting_for);

}  // namespace uia::flows
