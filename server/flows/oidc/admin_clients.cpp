#include "flows/oidc/admin_clients.h"

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/staff_auth.h"
#include "flows/oidc/client_fields.h"
#include "flows/oidc/oidc_tokens.h"
#include "http/rfc3339.h"
#include "store/oidc_client_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::OidcClient;

nlohmann::json client_json(const OidcClient& c) {
  nlohmann::json scopes = nlohmann::json::array();
  for (const auto& s : oidc::split_scope(c.scopes)) scopes.push_back(s);
  return {{"client_id", c.client_id},
          {"name", c.name},
          {"client_type", c.client_type},
          {"redirect_uris", c.redirect_uris},
          {"post_logout_redirect_uris", c.post_logout_redirect_uris},
          {"scopes", scopes},
          {"subject_type", c.subject_type},
          {"id_token_signed_response_alg", c.id_token_alg},
          {"backchannel_logout_uri", c.backchannel_logout_uri ? nlohmann::json(*c.backchannel_logout_uri) : nlohmann::json()},
          {"min_level", c.min_level},
          {"token_endpoint_auth_method", c.token_endpoint_auth_method},
          {"jwks", c.jwks ? nlohmann::json::parse(*c.jwks, nullptr, false) : nlohmann::json()},
          {"enabled", c.enabled},
          {"source", c.created_by == store::kConfigClientCreator ? "config" : "back_office"},
          {"created_at", http::format_rfc3339(c.created_at)},
          {"disabled_at", c.disabled_at ? nlohmann::json(http::format_rfc3339(*c.disabled_at)) : nlohmann::json()}};
}

}  // namespace

ApiResponse register_oidc_client(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "admin");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  OidcClient c;
  if (auto bad = oidc::read_client_fields(*body, c)) return *bad;
  const long long now = services.now_seconds();
  c.client_id = "uia-" + crypto::random_token(*services.random, 12);
  std::optional<std::string> secret;
  if (!c.is_public() && !c.uses_private_key_jwt()) {
    secret = crypto::random_token(*services.random, 32);
    c.secret_hash = crypto::token_hash(*secret);
  }
  c.created_by = staff.actor();
  c.created_at = now;
  store::OidcClientRepository clients;
  return services.db->transact([&](soci::session& sql) {
    c.id = clients.insert(sql, c);
    record_audit(sql, now, {staff.actor(), "oidc.client.create", "oidc_client:" + c.client_id, request.client_ip, "ok",
                            c.client_type + " " + c.token_endpoint_auth_method});
    nlohmann::json out = client_json(c);
    // The only time the secret is seen: only its hash is kept.
    if (secret) out["client_secret"] = *secret;
    return ApiResponse::json(201, out);
  });
}

ApiResponse list_oidc_clients(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "admin");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  store::OidcClientRepository clients;
  const auto all = services.db->with_session([&](soci::session& sql) { return clients.list(sql); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : all) items.push_back(client_json(c));
  return ApiResponse::json(200, {{"clients", items}});
}

ApiResponse disable_oidc_client(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "admin");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const std::string client_id = request.params.at("id");
  if (client_id.empty() || client_id.size() > 64) return ApiResponse::error(404, ErrorCode::NotFound, "id");
  const long long now = services.now_seconds();
  store::OidcClientRepository clients;
  return services.db->transact([&](soci::session& sql) {
    auto client = clients.find(sql, client_id);
    if (!client) return ApiResponse::error(404, ErrorCode::NotFound, "id");
    // Disabled tokens stop at once: every token lookup checks the client is enabled.
    if (clients.disable(sql, client_id, now))
      record_audit(sql, now, {staff.actor(), "oidc.client.disable", "oidc_client:" + client_id, request.client_ip, "ok", ""});
    client = clients.find(sql, client_id);
    return ApiResponse::json(200, client_json(*client));
  });
}

}  // namespace uia::flows
