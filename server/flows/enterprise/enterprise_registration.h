// Enterprise (legal-person) registration (seeds 000 企业注册, 001 法人用户注册, H, N):
// legal-person type, name, USCC (GB 32100), the legal representative (a real-name natural person
// already on the platform, see legal_representative.h), contact phone + SMS code (purpose
// enterprise_register), account name and password. The business registry checks the four
// elements: a mismatch refuses, "not known yet" creates the account unverified (re-checked
// periodically, registry_check.h). A resident-ID representative then passes a face check; until
// it passes the account is pending_face, and a failed check withdraws the registration.
// A USCC the platform knows from the registry but that was never set up is pending_activation:
// registering it answers 409 USCC_REGISTERED with next=activate (enterprise_activation.h).
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

// POST /api/v1/enterprises
http::ApiResponse register_enterprise(app::Services& services, const http::ApiRequest& request);

// The face check of an enterprise registration completed (called by complete_face_check inside
// its transaction, for face_checks rows of purpose "enterprise_register").
void complete_enterprise_face_check(app::Services& services, soci::session& sql, const std::string& ticket,
                                    bool passed, long long now);

}  // namespace uia::flows
