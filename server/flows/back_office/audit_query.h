// GET /api/v1/admin/audit (role auditor): the audit trail, newest first, filtered by exact
// actor / action / target / result and a time range (RFC 3339, from inclusive, to exclusive),
// paged by keyset: `next_cursor` names the last row returned ("<at>-<id>"), so pages stay stable
// while new events arrive. limit 1-200 (default 50). A bad filter is a 400 FILTER_INVALID naming it.
// Reading the trail is itself recorded ("audit.query", with the filters).
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse query_audit_log(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
