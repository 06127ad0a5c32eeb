#include "flows/enterprise/signed_in_enterprise.h"

#include <algorithm>

#include "flows/sessions/authenticate.h"
#include "store/enterprise_repository.h"

namespace uia::flows {

std::variant<EnterpriseCaller, http::ApiResponse> signed_in_enterprise(app::Services& services,
                                                                       const http::ApiRequest& request,
                                                                       std::initializer_list<std::string_view> roles) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<http::ApiResponse>(&who)) return *refusal;
  const ActiveSession& session = std::get<ActiveSession>(who);
  const std::string& id_text = request.params.at("id");
  long long id = 0;
  const bool digits = !id_text.empty() && id_text.size() < 19 &&
                      std::all_of(id_text.begin(), id_text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) id = std::stoll(id_text);
  const bool role_ok = std::find(roles.begin(), roles.end(), session.acting.role) != roles.end();
  if (session.acting.enterprise_id == 0 || session.acting.enterprise_id != id || !role_ok)
    return http::ApiResponse::error(403, ErrorCode::EnterpriseForbidden);
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  long long grant_id = 0;
  auto enterprise = services.db->with_session([&](soci::session& sql) {
    grant_id = acting_identity_of(sql, session).grant_id;
    return enterprises.find_by_id(sql, id);
  });
  if (!enterprise) return http::ApiResponse::error(404, ErrorCode::EnterpriseNotFound);
  return EnterpriseCaller{session, *enterprise, grant_id};
}

}  // namespace uia::flows
