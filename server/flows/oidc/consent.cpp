#include "flows/oidc/consent.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/oidc/consent_items.h"
#include "flows/oidc/enterprise_account.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/oauth_http.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/oidc/pending_request.h"
#include "profile/profile.h"
#include "flows/sessions/authenticate.h"
#include "privacy/mask.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

// The stored request if it can still be finished.
std::optional<oidc::PendingRequest> open_request(app::Services& services, const http::ApiRequest& request) {
  const std::string id = request.params.at("id");
  auto pending = services.db->with_session([&](soci::session& sql) { return oidc::find_request(sql, id); });
  if (!pending || pending->done || pending->expires_at <= services.now_seconds()) return std::nullopt;
  return pending;
}

}  // namespace

ApiResponse describe_oidc_request(app::Services& services, const http::ApiRequest& request) {
  const auto pending = open_request(services, request);
  if (!pending) return ApiResponse::error(404, ErrorCode::FlowExpired, "id");
  store::OidcClientRepository clients;
  const auto client = services.db->with_session([&](soci::session& sql) { return clients.find(sql, pending->client_id); });
  if (!client || !client->enabled) return ApiResponse::error(404, ErrorCode::FlowExpired, "id");
  nlohmann::json scopes = nlohmann::json::array();
  for (const auto& s : oidc::split_scope(pending->scope)) scopes.push_back(s);
  nlohmann::json prompt = nlohmann::json::array();
  for (const auto& p : oidc::split_scope(pending->prompt)) prompt.push_back(p);
  nlohmann::json out = {{"request_id", pending->id},
                        {"client", {{"client_id", client->client_id}, {"name", client->name}}},
                        {"scopes", scopes},
                        {"data_items", oidc::consent_items(pending->scope)},
                        {"level_required", pending->min_level},
                        {"level_required_label", level_name(services.profile(), pending->min_level)},
                        {"expires_in", pending->expires_at - services.now_seconds()},
                        {"prompt", prompt},
                        {"person", nullptr}};
  // The login page asks before anyone signed in; the consent page shows whom it is for.
  if (!http::presented_token(request).empty()) {
    auto who = authenticate(services, request);
    const auto* session = std::get_if<ActiveSession>(&who);
    if (session && oidc::is_enterprise_account_session(*session)) {
      out["sign_in_refused"] = oidc::enterprise_account_refusal();
      session = nullptr;
    }
    // prompt=login: a sign-in older than the request does not count; the page signs in afresh.
    const auto browser = session ? oidc::browser_of_session(services, session->id, session->person_id) : std::nullopt;
    if (session && browser && !pending->needs_fresher_sign_in(browser->auth_time, services.now_seconds())) {
      out["acting_for"] = oidc::consent_acting_for(services, *session, pending->scope);
      store::PersonRepository persons(*services.cipher, *services.blind_index);
      const auto person = services.db->with_session([&](soci::session& sql) { return persons.find_by_id(sql, session->person_id); });
      if (person && person->status == store::PersonStatus::Active) {
        // prompt=consent: ask again, whatever was agreed before (the page continues on its own
        // only when this says consented).
        const bool consented = !pending->prompts("consent") && services.db->with_session([&](soci::session& sql) {
          return oidc::has_consent(sql, person->id, client->client_id, pending->scope);
        });
        out["person"] = {{"name", mask_name(person->name)},
                         {"phone", person->phone ? nlohmann::json(mask_phone(*person->phone)) : nlohmann::json()},
                         {"level", person->level},
                         {"level_sufficient", person->level >= pending->min_level},
                         {"consented", consented}};
      }
    }
  }
  return ApiResponse::json(200, out);
}

ApiResponse decide_oidc_request(app::Services& services, const oidc::OidcCall& call, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const ActiveSession& session = std::get<ActiveSession>(who);
  if (oidc::is_enterprise_account_session(session)) return oidc::enterprise_account_refused();
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  const auto approve_it = body->find("approve");
  if (approve_it == body->end()) return ApiResponse::error(400, ErrorCode::FieldRequired, "approve");
  if (!approve_it->is_boolean()) return ApiResponse::error(400, ErrorCode::FieldType, "approve");
  const bool approve = approve_it->get<bool>();
  const std::string issuer = oidc::issuer_of(services, call);
  if (issuer.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const auto pending = open_request(services, request);
  if (!pending) return ApiResponse::error(404, ErrorCode::FlowExpired, "id");
  const auto browser = oidc::browser_of_session(services, session.id, session.person_id);
  if (!browser) return ApiResponse::error(401, ErrorCode::Unauthenticated);
  if (pending->needs_fresher_sign_in(browser->auth_time, services.now_seconds()))
    return ApiResponse::error(401, ErrorCode::OidcSignInAgain, "prompt");
  const long long now = services.now_seconds();
  const std::string actor = "person:" + std::to_string(browser->person_id);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    // Finish once: of two decisions racing, the second finds the request closed.
    const auto again = oidc::find_request(sql, pending->id);
    if (!again || again->done) return ApiResponse::error(404, ErrorCode::FlowExpired, "id");
    if (!approve) {
      record_audit(sql, now, {actor, "oidc.consent", "oidc_client:" + pending->client_id, request.client_ip, "denied", ""});
      return ApiResponse::json(200, {{"redirect_to", oidc::finish_with_error(services, sql, *pending, "access_denied", issuer)}});
    }
    if (browser->level < pending->min_level) return ApiResponse::error(403, ErrorCode::LevelTooLow, "level");
    return ApiResponse::json(200, {{"redirect_to", oidc::finish_with_code(services, call.settings(), sql, *pending, *browser, issuer,
                                                                          request.client_ip)}});
  });
}

}  // namespace uia::flows
