// What a decided appeal does, per kind. The back-office decision (flows/appeals/case_work.h)
// calls these inside its own transaction, after the compare-and-set of the case's state, so the
// account change, the case's final state, the notices and the audit entries commit together or
// not at all.
//   person_phone_taken     the phone leaves the other holder's account (their sessions and
//                          business-system tokens end, 我的消息 tells them) and goes to the
//                          appellant's account (created when they have none), with the new password
//   person_id_taken        the account of that ID number moves to the appellant: new phone, new
//                          password, the stranger's sessions, tokens, contact details end
//   enterprise_account     new contact person and phone, new password; the enterprise's sessions end
//   enterprise_register_assist  the enterprise account is created (or a registry_mismatch one
//                          corrected) as the case describes, active
//   enterprise_info_change the requested changes (phone, legal representative) are applied
#pragma once
#include <string>
#include <variant>

#include <soci/session.h>

#include "api/error_code.h"
#include "app/services.h"
#include "store/appeal_repository.h"

namespace uia::flows {

struct AppliedAppeal {
  long long person_id = 0;      // the account the case ended on (for the case record)
  long long enterprise_id = 0;
  std::string audit_note;       // what changed, without personal data
};

// Applies an approved case. An ErrorCode (CaseApplyConflict, with the account unchanged) when the
// accounts no longer allow it, e.g. the phone was freed meanwhile or the ID number has no account.
std::variant<AppliedAppeal, ErrorCode> apply_approved_appeal(app::Services& services, soci::session& sql,
                                                             const store::AppealCase& appeal, long long now,
                                                             const std::string& actor, const std::string& client_ip);

// Tells the appellant the outcome: SMS to the case's contact phone and, when the case is about a
// person account the appellant holds, 我的消息. `reason` is the reviewer's (shown on rejection).
void notify_appeal_outcome(app::Services& services, soci::session& sql, const store::AppealCase& appeal, bool approved,
                           const std::string& reason, long long now);

}  // namespace uia::flows
