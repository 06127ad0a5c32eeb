// PLACEHOLDER until the appeal kinds land (same session): every approval is refused, nothing changes.
#include "flows/appeals/appeal_effects.h"

namespace uia::flows {

std::variant<AppliedAppeal, ErrorCode> apply_approved_appeal(app::Services&, soci::session&, const store::AppealCase&,
                                                             long long, const std::string&, const std::string&) {
  return ErrorCode::CaseApplyConflict;
}

void notify_appeal_outcome(app::Services&, soci::session&, const store::AppealCase&, bool, const std::string&, long long) {}

}  // namespace uia::flows
