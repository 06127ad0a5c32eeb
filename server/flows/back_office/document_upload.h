// Documents for a registration waiting for review (passport, foreign permanent residence ID):
// registration answers with an upload token (random, stored as its SHA-256, valid 24 hours by
// default), and POST /api/v1/persons/{id}/documents with X-Upload-Token and
// {"kind","content_type","data":"<base64>"} stores one file, sealed with the field cipher.
// Any token, person or status problem is one 401 UPLOAD_TOKEN_INVALID, so the route tells an
// outsider nothing about which persons exist.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

// A new upload token for `person_id` (written with `sql`, in the caller's transaction).
std::string issue_upload_token(app::Services& services, soci::session& sql, long long person_id, long long now);

// POST /api/v1/persons/{id}/documents
http::ApiResponse upload_document(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
