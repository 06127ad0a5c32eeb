#include "flows/login/person_session.h"

#include "flows/audit/audit_log.h"
#include "flows/back_office/account_freeze.h"
#include "flows/sessions/session_store.h"
#include "privacy/mask.h"

namespace uia::flows {

http::ApiResponse issue_person_session(app::Services& services, soci::session& sql, const store::Person& person,
                                       const http::ApiRequest& request, const std::string& method, long long now,
                                       const std::string& audit_detail, long long* session_id) {
  if (person_frozen(sql, person.id)) {
    record_audit(sql, now, {"person:" + std::to_string(person.id), "session.login", "", request.client_ip, "denied",
                            "ACCOUNT_FROZEN " + method});
    return frozen_refusal();
  }
  const NewSession session = create_session(services, sql, person.id, request.client_ip, request.user_agent);
  if (session_id) *session_id = session.id;
  record_audit(sql, now, {"person:" + std::to_string(person.id), "session.login", "session:" + std::to_string(session.id),
                          request.client_ip, "ok", audit_detail.empty() ? method : audit_detail});
  http::ApiResponse out = http::ApiResponse::json(
      201, {{"token", session.token},
            {"expires_in", session.expires_in},
            {"csrf_token", session.csrf_token},
            {"subject",
             {{"type", "person"}, {"person_id", person.id}, {"name", mask_name(person.name)}, {"level", person.level}}}});
  out.session_cookie = http::SessionCookie{session.token, services.limits.session_absolute_seconds, !services.dev_mode};
  return out;
}

}  // namespace uia::flows
