// The appellant's side of appeals (账号申诉, issue 16), all anonymous: the catalogue of kinds,
// the masked registry name of a USCC, filing, materials, submission, 申诉进度查询 and the
// authorisation-letter template. What each step writes to the audit log:
//   appeal.filed, appeal.material_added, appeal.material_deleted, appeal.submitted,
//   appeal.progress_read (each also an event in the case's history, appeal_case_events).
#pragma once
#include <string>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

// GET /api/v1/appeals/kinds
http::ApiResponse list_appeal_kinds(app::Services& services, const http::ApiRequest& request);
// GET /api/v1/appeals/enterprise?uscc=
http::ApiResponse look_up_appeal_enterprise(app::Services& services, const http::ApiRequest& request);
// POST /api/v1/appeals
http::ApiResponse file_appeal(app::Services& services, const http::ApiRequest& request);
// POST /api/v1/appeals/{case_number}/materials (X-Upload-Token)
http::ApiResponse add_appeal_material(app::Services& services, const http::ApiRequest& request);
// DELETE /api/v1/appeals/{case_number}/materials/{material_id} (X-Upload-Token)
http::ApiResponse delete_appeal_material(app::Services& services, const http::ApiRequest& request);
// POST /api/v1/appeals/{case_number}/submit (X-Upload-Token)
http::ApiResponse submit_appeal(app::Services& services, const http::ApiRequest& request);
// POST /api/v1/appeals/progress
http::ApiResponse appeal_progress(app::Services& services, const http::ApiRequest& request);

// GET /api/v1/appeals/templates/authorisation-letter: a printable HTML 申诉授权书.
std::string authorisation_letter_template();

// "长春星河科技有限公司" -> "长春****有限公司": the first two and last four characters (fewer
// for short names), as the registry lookup shows an organisation.
std::string mask_organisation_name(const std::string& name);

}  // namespace uia::flows
