// How a case looks to staff: the queue's line (masked) and the whole case (unmasked, for the
// reviewer who compares it with the materials). Shared by the REST casework and `uia admin cases`.
#pragma once
#include <nlohmann/json.hpp>
#include <soci/session.h>

#include "store/appeal_repository.h"

namespace uia::flows {

// Open (not final) and past its due time.
bool case_overdue(const store::AppealCase& appeal, long long now);
// Who appealed, masked: the person's name, or the organisation (its name is public registry data).
std::string case_applicant(const store::AppealCase& appeal);
// One line of the queue: case_number, kind, labels, times, overdue, claim, masked applicant and phone.
nlohmann::json case_summary(const store::AppealCase& appeal, long long staff_id, long long now);
// The case's own fields, never a password or its hash.
nlohmann::json case_details(const store::AppealCase& appeal);

}  // namespace uia::flows
