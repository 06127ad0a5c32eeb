#include "flows/sessions/authenticate.h"

#include <openssl/crypto.h>

#include "flows/agents/acting_check.h"

namespace uia::flows {

std::variant<ActiveSession, http::ApiResponse> authenticate_any_identity(app::Services& services,
                                                                         const http::ApiRequest& request) {
  using Pistache::Http::Method;
  const bool from_cookie = request.bearer_token.empty();
  const std::string& token = http::presented_token(request);
  if (token.empty()) return http::ApiResponse::error(401, ErrorCode::Unauthenticated);
  ActiveSession session;
  switch (find_session(services, token, session)) {
    case SessionLookup::Missing: return http::ApiResponse::error(401, ErrorCode::Unauthenticated);
    case SessionLookup::Expired: return http::ApiResponse::error(401, ErrorCode::SessionExpired);
    case SessionLookup::Active: break;
  }
  const bool safe = request.method == Method::Get || request.method == Method::Head || request.method == Method::Options;
  if (from_cookie && !safe) {
    const bool match = request.csrf_header.size() == session.csrf_token.size() &&
                       CRYPTO_memcmp(request.csrf_header.data(), session.csrf_token.data(), session.csrf_token.size()) == 0;
    if (!match) return http::ApiResponse::error(403, ErrorCode::CsrfInvalid);
  }
  return session;
}

std::variant<ActiveSession, http::ApiResponse> authenticate(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_any_identity(services, request);
  if (auto* session = std::get_if<ActiveSession>(&who); session && !acting_still_allowed(services, *session)) {
    http::ApiResponse refusal = http::ApiResponse::error(403, ErrorCode::AgentGrantInactive);
    // The client may offer to switch back (PUT /api/v1/sessions/current/identity) or sign out.
    refusal.body["error"]["next"] = "switch_identity";
    return refusal;
  }
  return who;
}

}  // namespace uia::flows
