// The "uia_id" scope: the verified identity document, for a relying party that is itself an
// identity platform (another province's UIA, a national platform) and links accounts by ID
// number. Only clients whose registration lists the scope may ask for it (authorize answers
// invalid_scope otherwise), and only a person whose identity was checked against the
// population data (real-name level 2 or more) has the claims: an unchecked number would let
// the relying party link an account to whoever typed that number.
#pragma once
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "store/person.h"

namespace uia::flows::oidc {

constexpr const char* kIdScope = "uia_id";
constexpr int kIdClaimMinLevel = 2;

// Adds id_type, id_number and uia_level to `claims` when `scopes` holds kIdScope and the
// person's identity was verified; leaves `claims` alone otherwise.
void add_id_claims(const store::Person& person, const std::set<std::string>& scopes, nlohmann::json& claims);

}  // namespace uia::flows::oidc
