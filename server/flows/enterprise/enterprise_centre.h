// The enterprise centre (seed 000 企业中心, 001 法人信息变更): what the platform holds about the
// signed-in enterprise, and the changes it may make itself. Every route acts on
// /api/v1/enterprises/{id}, which must be the enterprise the session acts for.
//   GET  /api/v1/enterprises/{id}                      enterprise info, representative (masked), registry details
//   PUT  /api/v1/enterprises/{id}/password             {old_password, new_password}
//   PUT  /api/v1/enterprises/{id}/phone                {verify_by: "password", password | verify_by:
//                                                       "four_elements", name, legal_rep_name,
//                                                       legal_rep_id_number; new_phone, sms_code}
//                                                      (code purpose enterprise_change_phone)
//   PUT  /api/v1/enterprises/{id}/info                 {name, org_type?, uscc?}: checked against the
//                                                       registry; the USCC never changes
//   PUT  /api/v1/enterprises/{id}/legal-representative {legal_rep_name, legal_rep_id_type,
//                                                       legal_rep_id_number, ...}: a real-name person,
//                                                       confirmed by the registry
// Changes are the enterprise account's own (role "enterprise"); reading is open to every role
// that acts for the enterprise.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse get_enterprise(app::Services& services, const http::ApiRequest& request);
http::ApiResponse change_enterprise_password(app::Services& services, const http::ApiRequest& request);
http::ApiResponse change_enterprise_phone(app::Services& services, const http::ApiRequest& request);
http::ApiResponse change_enterprise_info(app::Services& services, const http::ApiRequest& request);
http::ApiResponse change_legal_representative(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
