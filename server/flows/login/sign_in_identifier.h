// The one login box (seed 000: 账号/手机号/身份证号): what was typed may be an account name, a
// phone number or a document number. Shared by sign-in and the face-check retry, which both
// prove a person by identifier + password.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "store/person_repository.h"

namespace uia::flows {

std::optional<store::Person> find_by_identifier(soci::session& sql, const store::PersonRepository& persons,
                                                const std::string& identifier);

}  // namespace uia::flows
