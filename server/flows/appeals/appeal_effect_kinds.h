// The per-kind halves of flows/appeals/appeal_effects.h (same contract: run inside the caller's
// transaction). CaseApplyConflict comes before any write when the accounts no longer allow the
// change; only a write a unique index refuses (below) returns it after some, and the caller
// rolls its transaction back on any CaseApplyConflict (case_work.cpp does).
#pragma once
#include <string>
#include <variant>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "flows/appeals/appeal_effects.h"

namespace uia::flows {

struct AppealEffectContext {
  app::Services& services;
  soci::session& sql;
  const store::AppealCase& appeal;
  const nlohmann::json& details;  // the case's fields (with the new password's hash)
  long long now;
  std::string actor;
  std::string client_ip;
};

// A write a unique index may refuse: on MySQL a registration on another connection can take the
// phone, USCC or account name between our check and our write (SQLite's single writer cannot
// interleave). False instead of an exception, so the decision answers CASE_APPLY_CONFLICT and
// its transaction rolls back whole; the index, not a lock, is what keeps a phone on one account.
template <typename Write>
bool written_unless_taken(Write&& write) {
  try {
    write();
    return true;
  } catch (const soci::soci_error&) {
    return false;
  }
}

std::variant<AppliedAppeal, ErrorCode> apply_person_phone_taken(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_person_id_taken(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_enterprise_account(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_enterprise_register_assist(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_enterprise_info_change(const AppealEffectContext& context);

}  // namespace uia::flows
