// The face_checks row behind a ticket that a flow other than registration opened (a relative's
// check, a grantor's check before an authorization): same table, same expiry, same completion
// path (flows/registration complete_face_check dispatches on the purpose).
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"

namespace uia::flows {

// `person_id` is the signed-in person who asked for the check (whose record it moves on).
void record_face_check(app::Services& services, soci::session& sql, const std::string& ticket, long long person_id,
                       const std::string& purpose, long long now);

}  // namespace uia::flows
