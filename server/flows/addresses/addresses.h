// Addresses of the personal centre (seed 000 四、1 (3) 地址信息; seed 002 六、我的EMS; seed 003
// 邮寄地址管理): kind "contact" (联系地址) or "postal" (EMS 邮寄地址), each with recipient, phone
// (sealed; masked in answers), region text and optional GB/T 2260 code, detail, postcode (6
// digits, required for postal) and a default flag (one default per kind: the first address of a
// kind becomes it, and when the default is deleted the newest remaining one inherits it). At
// most 20 addresses per person. Only the owner sees or changes an address: any other id is 404.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

constexpr long long kMaxAddressesPerPerson = 20;

http::ApiResponse list_addresses(app::Services& services, const http::ApiRequest& request);   // GET /api/v1/me/addresses
http::ApiResponse create_address(app::Services& services, const http::ApiRequest& request);   // POST /api/v1/me/addresses
http::ApiResponse update_address(app::Services& services, const http::ApiRequest& request);   // PUT /api/v1/me/addresses/{id}
// POST /api/v1/me/addresses/{id}/default: 设为默认 without sending the whole address again (its
// phone is only ever shown masked, so a page cannot resend it).
http::ApiResponse make_default_address(app::Services& services, const http::ApiRequest& request);
http::ApiResponse delete_address(app::Services& services, const http::ApiRequest& request);   // DELETE /api/v1/me/addresses/{id}

}  // namespace uia::flows
