#include "flows/sessions/my_sessions.h"

#include <charconv>

#include <soci/soci.h>

#include "flows/agents/acting_check.h"
#include "flows/audit/audit_log.h"
#include "flows/sessions/authenticate.h"
#include "flows/sessions/session_store.h"
#include "http/rfc3339.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

std::optional<long long> parse_id(const std::string& text) {
  long long id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

ApiResponse list_my_sessions(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const auto& current = std::get<ActiveSession>(who);
  // An enterprise account's session (person_id 0) has no person whose sessions these would be.
  if (current.person_id == 0) return ApiResponse::error(401, ErrorCode::Unauthenticated);
  const long long now = services.now_seconds();
  const long long idle_since = now - services.limits.session_idle_seconds;
  nlohmann::json sessions = nlohmann::json::array();
  services.db->with_session([&](soci::session& sql) {
    // Only the ones that still work: not revoked, not past either expiry; the newest 100.
    constexpr std::size_t kMax = 100;
    std::vector<long long> ids(kMax), created(kMax), seen(kMax), expires(kMax);
    std::vector<std::string> ips(kMax), agents(kMax);
    std::vector<soci::indicator> ip_ind(kMax), agent_ind(kMax);
    soci::statement st = (sql.prepare << "SELECT id, created_at, last_seen_at, expires_at, client_ip, user_agent "
                                         "FROM sessions WHERE person_id = :p AND revoked_at IS NULL "
                                         "AND expires_at > :now AND last_seen_at > :idle ORDER BY last_seen_at DESC",
                          soci::use(current.person_id), soci::use(now), soci::use(idle_since), soci::into(ids),
                          soci::into(created), soci::into(seen), soci::into(expires), soci::into(ips, ip_ind),
                          soci::into(agents, agent_ind));
    st.execute(true);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      sessions.push_back({{"session_id", ids[i]},
                          {"created_at", http::format_rfc3339(created[i])},
                          {"last_seen_at", http::format_rfc3339(seen[i])},
                          {"expires_at", http::format_rfc3339(expires[i])},
                          {"client_ip", ip_ind[i] == soci::i_ok ? ips[i] : ""},
                          {"user_agent", agent_ind[i] == soci::i_ok ? agents[i] : ""},
                          {"current", ids[i] == current.id}});
    }
  });
  return ApiResponse::json(200, {{"sessions", sessions}});
}

ApiResponse current_session(app::Services& services, const http::ApiRequest& request) {
  // Answers even when the identity stopped working (acting_in_force false): a reloaded page
  // needs the CSRF token to switch back (PUT /api/v1/sessions/current/identity) or sign out.
  auto who = authenticate_any_identity(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const auto& current = std::get<ActiveSession>(who);
  // Whose session it is, so a reloaded page opens the right centre: a person's own (acting_as
  // "person"), an enterprise account's (person_id 0, "enterprise"), or a person acting for one.
  nlohmann::json out = {{"session_id", current.id},
                        {"person_id", current.person_id},
                        {"acting_as", current.acting.role.empty() ? std::string("person") : current.acting.role},
                        {"csrf_token", current.csrf_token},
                        {"valid_until", http::format_rfc3339(current.valid_until)}};
  if (current.acting.enterprise_id != 0) out["enterprise_id"] = current.acting.enterprise_id;
  const long long grant_id =
      services.db->with_session([&](soci::session& sql) { return session_grant_id(sql, current.id); });
  if (grant_id != 0) out["grant_id"] = grant_id;
  out["acting_in_force"] = acting_still_allowed(services, current);
  return ApiResponse::json(200, out);
}

ApiResponse revoke_my_session(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const auto& current = std::get<ActiveSession>(who);
  // An enterprise account's session (person_id 0) has no person whose sessions these would be.
  if (current.person_id == 0) return ApiResponse::error(401, ErrorCode::Unauthenticated);
  const auto id = parse_id(request.params.at("id"));
  if (!id) return ApiResponse::error(404, ErrorCode::NotFound, "session_id");
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    // Another person's session answers exactly like one that does not exist.
    long long owner = 0;
    soci::indicator revoked = soci::i_null;
    long long revoked_at = 0;
    sql << "SELECT person_id, revoked_at FROM sessions WHERE id = :id", soci::use(*id), soci::into(owner),
        soci::into(revoked_at, revoked);
    if (!sql.got_data() || owner != current.person_id || revoked == soci::i_ok)
      return ApiResponse::error(404, ErrorCode::NotFound, "session_id");
    revoke_session(services, sql, *id);
    record_audit(sql, now, {"person:" + std::to_string(current.person_id), "session.revoke",
                            "session:" + std::to_string(*id), request.client_ip, "ok", *id == current.id ? "current" : ""});
    ApiResponse out = ApiResponse::no_content();
    if (*id == current.id) out.session_cookie = http::SessionCookie{"", 0, !services.dev_mode};
    return out;
  });
}

}  // namespace uia::flows
