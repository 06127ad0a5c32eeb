// The signed-in, not deleted person behind a request (authenticate() + the person row), for the
// personal-centre flows that act on the caller's own record.
#pragma once
#include <variant>

#include "app/services.h"
#include "http/api.h"
#include "store/person.h"

namespace uia::flows {

// The person, or the 401/403 answer to send instead.
std::variant<store::Person, http::ApiResponse> signed_in_person(app::Services& services, const http::ApiRequest& request);

inline std::string actor_of(const store::Person& person) { return "person:" + std::to_string(person.id); }

}  // namespace uia::flows
