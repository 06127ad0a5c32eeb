// What every new grant is made of, read from a request body: the agent (a registered, active
// natural person found by name + ID number + phone, seed 003 "根据姓名、身份证号、手机号码，精确
// 查找"), the scope (service items) and the validity period; and the rule that a delegated
// grant stays inside the grant it comes from.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"
#include "store/agent_grant_repository.h"
#include "store/person.h"

namespace uia::flows {

struct GrantTerms {
  std::vector<std::string> scope;
  std::string valid_from, valid_to;  // YYYY-MM-DD
};

// scope (array of service item codes), valid_from (optional, default today, not before today),
// valid_to (at most 5 years after valid_from). nullopt when all is well.
std::optional<http::ApiResponse> read_grant_terms(const Profile& profile, const nlohmann::json& body, Date today,
                                                  GrantTerms& out);
// Only the fields present (for edits): `out` keeps its values for absent ones. A changed
// valid_from may not lie in the past.
std::optional<http::ApiResponse> read_changed_terms(const Profile& profile, const nlohmann::json& body, Date today,
                                                    GrantTerms& out);

// name, id_number, phone of the body → the person, or 404 DELEGATE_NOT_FOUND (one answer for
// every mismatch, so the form does not tell which part was wrong).
std::variant<store::Person, http::ApiResponse> find_agent_person(app::Services& services, const nlohmann::json& body);

// 400 AGENT_GRANT_EXCEEDS_PARENT when `terms` reach beyond `parent` (scope or period).
std::optional<http::ApiResponse> check_within(const GrantTerms& terms, const store::AgentGrant& parent);

}  // namespace uia::flows
