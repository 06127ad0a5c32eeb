#include "flows/oidc/authorized_clients.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/sessions/signed_in_person.h"
#include "http/rfc3339.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
}  // namespace

ApiResponse list_authorized_clients(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::Person& person = std::get<store::Person>(who);
  nlohmann::json items = nlohmann::json::array();
  services.db->with_session([&](soci::session& sql) {
    std::string client_id, name, scope;
    long long created_at = 0, last_used_at = 0;
    soci::indicator last_used_ind;
    soci::statement st = (sql.prepare << "SELECT g.client_id, c.name, g.scope, g.created_at, g.last_used_at "
                                         "FROM oidc_grants g JOIN oidc_clients c ON c.client_id = g.client_id "
                                         "WHERE g.person_id = :p ORDER BY g.created_at DESC, g.id DESC",
                          soci::into(client_id), soci::into(name), soci::into(scope), soci::into(created_at),
                          soci::into(last_used_at, last_used_ind), soci::use(person.id));
    st.execute();
    while (st.fetch()) {
      nlohmann::json scopes = nlohmann::json::array();
      for (const auto& s : oidc::split_scope(scope)) scopes.push_back(s);
      items.push_back({{"client_id", client_id}, {"name", name}, {"scopes", scopes},
                       {"authorized_at", http::format_rfc3339(created_at)},
                       {"last_used_at", last_used_ind == soci::i_ok ? nlohmann::json(http::format_rfc3339(last_used_at))
                                                                    : nlohmann::json()}});
    }
  });
  return ApiResponse::json(200, {{"clients", items}});
}

ApiResponse revoke_authorized_client(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::Person& person = std::get<store::Person>(who);
  const std::string client_id = request.params.at("client_id");
  if (client_id.empty() || client_id.size() > 64) return ApiResponse::error(404, ErrorCode::NotFound, "client_id");
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) {
    if (!oidc::revoke_grant(sql, person.id, client_id, now))
      return ApiResponse::error(404, ErrorCode::NotFound, "client_id");
    record_audit(sql, now, {actor_of(person), "oidc.grant.revoke", "oidc_client:" + client_id, request.client_ip, "ok", ""});
    return ApiResponse::no_content();
  });
}

}  // namespace uia::flows
