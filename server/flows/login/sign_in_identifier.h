// The one login box (seed 000: 账号/手机号/身份证号; 001: 手机号/身份证号/证件号): what was typed may be
// an account name, a phone number or a document number, as far as the profile's
// login.identifiers offer them. Shared by sign-in, agent sign-in and the face-check retry, which
// all prove a person by identifier + password.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "profile/profile.h"
#include "store/person_repository.h"

namespace uia::flows {

std::optional<store::Person> find_by_identifier(soci::session& sql, const store::PersonRepository& persons,
                                                const std::string& identifier, const Profile& profile);

}  // namespace uia::flows
