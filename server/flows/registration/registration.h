// Natural-person registration (seeds 000, 001, 003, 004): account + password, name + document,
// validity period (none under 16), phone + SMS code, agreement. Resident IDs are checked with the
// police name/ID service and, for holders of 16 and over, a face check; HK/Macau and Taiwan
// permits give gender and birth date; passports and foreign permanent residence IDs wait for
// back-office review of their uploaded documents.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "http/api.h"
#include "ports/face_verifier.h"

namespace uia::flows {

// POST /api/v1/persons
http::ApiResponse register_person(app::Services& services, const http::ApiRequest& request);

// The face service's verdict on a ticket (simulator callback or the real service's callback).
// Returns false for unknown, expired or already completed tickets.
bool complete_face_check(app::Services& services, const std::string& ticket, ports::FaceResult result);
// Whether `ticket` still waits for its result: known, pending and not expired. The simulator
// reports through a callback whose outcome its caller cannot see, so the dev route asks first.
bool face_check_pending(app::Services& services, const std::string& ticket);

}  // namespace uia::flows
