// The per-kind halves of flows/appeals/appeal_effects.h (same contract: run inside the caller's
// transaction; a CaseApplyConflict result means nothing was written).
#pragma once
#include <string>
#include <variant>

#include <nlohmann/json.hpp>
#include <soci/session.h>

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

std::variant<AppliedAppeal, ErrorCode> apply_person_phone_taken(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_person_id_taken(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_enterprise_account(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_enterprise_register_assist(const AppealEffectContext& context);
std::variant<AppliedAppeal, ErrorCode> apply_enterprise_info_change(const AppealEffectContext& context);

}  // namespace uia::flows
