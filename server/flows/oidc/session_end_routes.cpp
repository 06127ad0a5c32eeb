#include "flows/oidc/session_end_routes.h"

#include <charconv>
#include <vector>

#include <soci/soci.h>

#include "flows/me/me.h"
#include "flows/oidc/logout.h"
#include "flows/oidc/oauth_http.h"
#include "flows/sessions/authenticate.h"
#include "flows/sessions/my_sessions.h"
#include "flows/recovery/recovery.h"
#include "flows/self_service_flow.h"
#include "flows/settings/settings.h"
#include "store/fetch_all.h"

namespace uia::flows::oidc {
namespace {
using http::ApiResponse;

std::optional<long long> session_id_param(const http::ApiRequest& request) {
  const auto it = request.params.find("id");
  if (it == request.params.end()) return std::nullopt;
  long long id = 0;
  const std::string& text = it->second;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// The person's sessions that started token families still live (whether the session is).
std::vector<long long> sessions_with_live_tokens(app::Services& services, long long person_id) {
  return services.db->with_session([&](soci::session& sql) {
    long long id = 0;
    soci::statement st = (sql.prepare << "SELECT DISTINCT session_id FROM oidc_token_families "
                                         "WHERE person_id = :p AND revoked_at IS NULL",
                          soci::into(id), soci::use(person_id));
    return store::fetch_all(st, id);
  });
}

}  // namespace

ApiResponse sign_out_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  // Who is signing out must be read before the session ends; the flow itself checks again.
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const ActiveSession session = std::get<ActiveSession>(who);
  ApiResponse out = flows::sign_out(services, request);
  // An enterprise account's own session (person_id 0) never signs in to a business system.
  if (out.status == 204 && session.person_id != 0)
    notify_session_end(services, call.provider, session.id, session.person_id, issuer_of(services, call), request.client_ip);
  return out;
}

ApiResponse revoke_my_session_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const ActiveSession current = std::get<ActiveSession>(who);
  ApiResponse out = flows::revoke_my_session(services, request);
  // 204 only when the session was the caller's own and still live (else 404, nothing ended).
  const auto ended = session_id_param(request);
  if (out.status == 204 && ended && current.person_id != 0)
    notify_session_end(services, call.provider, *ended, current.person_id, issuer_of(services, call), request.client_ip);
  return out;
}

ApiResponse change_password_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const ActiveSession current = std::get<ActiveSession>(who);
  ApiResponse out = flows::change_password(services, request);
  if (out.status == 204 && current.person_id != 0) notify_ended_sessions(services, call, current.person_id, request.client_ip);
  return out;
}

ApiResponse delete_account_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const ActiveSession current = std::get<ActiveSession>(who);
  // Read before the deletion: it revokes every family, after which nothing says which were live.
  const std::vector<long long> live =
      current.person_id == 0 ? std::vector<long long>{} : sessions_with_live_tokens(services, current.person_id);
  ApiResponse out = flows::delete_account(services, request);
  if (out.status == 204) {
    const std::string issuer = issuer_of(services, call);
    for (long long session_id : live)
      notify_session_end(services, call.provider, session_id, current.person_id, issuer, request.client_ip);
  }
  return out;
}

ApiResponse finish_recovery_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  // Whose password it is comes from the flow, read before the flow closes.
  const auto it = request.params.find("id");
  const long long person_id = it == request.params.end() ? 0 : services.db->with_session([&](soci::session& sql) {
    const auto flow = find_flow(services, sql, it->second, "recover");
    return flow ? flow->person_id : 0LL;
  });
  ApiResponse out = flows::finish_recovery(services, request);
  if (out.status == 204 && person_id != 0) notify_ended_sessions(services, call, person_id, request.client_ip);
  return out;
}

int notify_ended_sessions(app::Services& services, const OidcCall& call, long long person_id, const std::string& client_ip) {
  std::vector<long long> ended = services.db->with_session([&](soci::session& sql) {
    long long id = 0;
    soci::statement st = (sql.prepare << "SELECT DISTINCT f.session_id FROM oidc_token_families f JOIN sessions s ON s.id = f.session_id "
                                         "WHERE f.person_id = :p AND f.revoked_at IS NULL AND s.revoked_at IS NOT NULL",
                          soci::into(id), soci::use(person_id));
    return store::fetch_all(st, id);
  });
  const std::string issuer = issuer_of(services, call);
  for (long long session_id : ended) notify_session_end(services, call.provider, session_id, person_id, issuer, client_ip);
  return static_cast<int>(ended.size());
}

}  // namespace uia::flows::oidc
