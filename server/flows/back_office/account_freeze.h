// Account freeze by staff (issue 16): a person or enterprise account that staff froze cannot sign
// in by any way; freezing ends its sessions and its business-system tokens at once. Role reviewer
// (the people who handle appeals are the ones who find an account misused).
//   GET  /api/v1/admin/accounts?phone=|id_number=|uscc=     find the account (masked)
//   POST /api/v1/admin/persons/{person_id}/freeze   {"reason"}  → 200 {"type","id","frozen":true}
//   POST /api/v1/admin/persons/{person_id}/unfreeze {"reason"}  → 200 {"type","id","frozen":false}
//   POST /api/v1/admin/enterprises/{enterprise_id}/freeze|unfreeze  (the same)
// A reason is required both ways (FREEZE_REASON_REQUIRED); freezing a frozen account or
// unfreezing one that is not is 409. Audited: account.freeze / account.unfreeze.
// Every sign-in (person, enterprise, agent, upstream, identity switch) asks frozen_*() after the
// credential was checked, so a wrong password still answers 401 and tells a guesser nothing.
#pragma once
#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

bool person_frozen(soci::session& sql, long long person_id);
bool enterprise_frozen(soci::session& sql, long long enterprise_id);
// 403 ACCOUNT_FROZEN (账号已被冻结，请联系客服处理).
http::ApiResponse frozen_refusal();

http::ApiResponse find_accounts(app::Services& services, const http::ApiRequest& request);
http::ApiResponse freeze_person(app::Services& services, const http::ApiRequest& request);
http::ApiResponse unfreeze_person(app::Services& services, const http::ApiRequest& request);
http::ApiResponse freeze_enterprise(app::Services& services, const http::ApiRequest& request);
http::ApiResponse unfreeze_enterprise(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
