#include "flows/me/me.h"

#include "flows/audit/audit_log.h"
#include "flows/sessions/authenticate.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"
#include "store/person_repository.h"

namespace uia::flows {

std::string me_cache_key(const std::string& token) { return "GET /api/v1/me " + token; }

http::ApiResponse get_me(app::Services& services, const http::ApiRequest& request) {
  // Taken before the reads: a write that commits meanwhile makes this answer stale at once.
  const std::uint64_t generation = services.read_cache->generation();
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<http::ApiResponse>(&who)) return *refusal;
  const auto& session = std::get<ActiveSession>(who);
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto person = services.db->with_session([&](soci::session& sql) { return persons.find_by_id(sql, session.person_id); });
  if (!person || person->status == store::PersonStatus::Deleted) return http::ApiResponse::error(401, ErrorCode::Unauthenticated);
  http::ApiResponse out = http::ApiResponse::json(
      200, {{"person_id", person->id},
            {"account", person->account.value_or("")},
            {"name", mask_name(person->name)},
            {"id_type", person->id_type},
            {"id_number", mask_id_number(person->id_number)},
            {"phone", person->phone ? mask_phone(*person->phone) : ""},
            {"level", person->level},
            {"status", store::status_name(person->status)},
            {"created_at", http::format_rfc3339(person->created_at)}});
  services.read_cache->store(me_cache_key(http::presented_token(request)), generation,
                             out.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                             services.now_seconds(), session.valid_until);
  return out;
}

http::ApiResponse sign_out(app::Services& services, const http::ApiRequest& request) {
  // Signing out works even when the identity the session acts as has stopped working.
  auto who = authenticate_any_identity(services, request);
  if (auto* refusal = std::get_if<http::ApiResponse>(&who)) return *refusal;
  const auto& session = std::get<ActiveSession>(who);
  const long long now = services.now_seconds();
  services.db->transact([&](soci::session& sql) {
    revoke_session(services, sql, session.id);
    // An enterprise account's own session has no person behind it (person_id 0).
    const std::string actor = session.person_id == 0 && session.acting.enterprise_id != 0
                                  ? "enterprise:" + std::to_string(session.acting.enterprise_id)
                                  : "person:" + std::to_string(session.person_id);
    record_audit(sql, now, {actor, "session.logout",
                            "session:" + std::to_string(session.id), request.client_ip, "ok", ""});
  });
  http::ApiResponse out = http::ApiResponse::no_content();
  out.session_cookie = http::SessionCookie{"", 0, !services.dev_mode};
  return out;
}

}  // namespace uia::flows
