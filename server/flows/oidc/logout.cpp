#include "flows/oidc/logout.h"

#include <soci/soci.h>

#include "crypto/jose.h"
#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/oidc/oauth_http.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/oidc/signing_keys.h"
#include "flows/sessions/session_store.h"

namespace uia::flows::oidc {
namespace {
using http::ApiResponse;

constexpr long long kLogoutTokenSeconds = 120;

struct Notice {
  store::OidcClient client;
  std::string logout_token;
};

}  // namespace

int notify_session_end(app::Services& services, const Provider& provider, long long session_id, long long person_id, const std::string& issuer,
                       const std::string& client_ip) {
  const long long now = services.now_seconds();
  store::OidcClientRepository clients;
  // Revoke first, in one transaction; notify after, so a slow client never holds a lock.
  std::vector<Notice> notices = services.db->transact([&](soci::session& sql) {
    std::vector<std::string> touched;
    std::vector<long long> live;
    {
      std::string client_id;
      soci::statement st = (sql.prepare << "SELECT DISTINCT client_id FROM oidc_token_families WHERE session_id = :s",
                            soci::into(client_id), soci::use(session_id));
      st.execute();
      while (st.fetch()) touched.push_back(client_id);
      long long id = 0;
      soci::statement families = (sql.prepare << "SELECT id FROM oidc_token_families WHERE session_id = :s AND revoked_at IS NULL",
                                  soci::into(id), soci::use(session_id));
      families.execute();
      while (families.fetch()) live.push_back(id);
    }
    for (long long id : live) revoke_family(sql, id, now, "logout");
    std::vector<Notice> out;
    if (issuer.empty()) return out;  // production without an issuer: nothing can be signed
    for (const auto& client_id : touched) {
      auto client = clients.find(sql, client_id);
      if (!client || !client->enabled || !client->backchannel_logout_uri) continue;
      out.push_back({*client, ""});
    }
    return out;
  });
  for (auto& notice : notices) {
    const auto& client = notice.client;
    const nlohmann::json claims = {
        {"iss", issuer}, {"aud", client.client_id}, {"iat", now}, {"exp", now + kLogoutTokenSeconds},
        {"jti", crypto::random_token(*services.random, 16)}, {"sub", subject_for(services, client, person_id)},
        {"sid", sid_for_session(session_id)},
        {"events", {{"http://schemas.openid.net/event/backchannel-logout", nlohmann::json::object()}}}};
    const auto alg = crypto::jws_alg_from_name(client.id_token_alg).value_or(crypto::JwsAlg::ES256);
    const SigningKey key = current_signing_key(services, provider.settings, alg);
    notice.logout_token = crypto::jws_sign(key.private_pem, alg, key.kid, claims);
    const auto delivery = provider.backchannel->deliver(*client.backchannel_logout_uri, notice.logout_token);
    services.db->transact([&](soci::session& sql) {
      record_audit(sql, services.now_seconds(),
                   {"system", "oidc.backchannel_logout", "oidc_client:" + client.client_id, client_ip,
                    delivery.delivered ? "ok" : "failed", "session:" + std::to_string(session_id) + " " + delivery.error});
    });
  }
  return static_cast<int>(notices.size());
}

ApiResponse end_session(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  const std::string issuer = issuer_of(services, call);
  if (issuer.empty()) return oauth_error(503, "temporarily_unavailable", "the provider's issuer is not configured");
  const auto query = decoded_query(request);
  if (!query) return oauth_error(400, "invalid_request", "a query parameter is badly encoded");
  const auto param = [&](const char* name) -> std::optional<std::string> {
    const auto it = query->find(name);
    if (it == query->end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
  std::string client_id = param("client_id").value_or("");
  nlohmann::json hint;
  if (const auto token = param("id_token_hint")) {
    hint = verify_own_jws(services, *token);
    if (!hint.is_object() || hint.value("iss", "") != issuer || !hint.contains("aud") || !hint["aud"].is_string())
      return oauth_error(400, "invalid_request", "id_token_hint was not issued by this provider");
    if (!client_id.empty() && client_id != hint["aud"].get<std::string>())
      return oauth_error(400, "invalid_request", "client_id differs from the id_token_hint's audience");
    client_id = hint["aud"].get<std::string>();
  }
  std::optional<store::OidcClient> client;
  if (!client_id.empty()) {
    store::OidcClientRepository clients;
    client = services.db->with_session([&](soci::session& sql) { return clients.find(sql, client_id); });
    if (!client) return oauth_error(400, "invalid_client", "unknown client");
  }
  const auto post_logout = param("post_logout_redirect_uri");
  if (post_logout) {
    const auto& allowed = client ? client->post_logout_redirect_uris : std::vector<std::string>{};
    if (std::find(allowed.begin(), allowed.end(), *post_logout) == allowed.end())
      return oauth_error(400, "invalid_request", "post_logout_redirect_uri is not registered for this client");
  }

  ApiResponse out = redirect(post_logout ? (param("state") ? with_params(*post_logout, {{"state", *param("state")}}) : *post_logout)
                                         : std::string("/"));
  ActiveSession session;
  if (request.session_cookie.empty() || find_session(services, request.session_cookie, session) != SessionLookup::Active)
    return out;
  // A hint for someone else than the browser's person does not sign the browser out.
  if (hint.is_object() && client && hint.value("sub", "") != subject_for(services, *client, session.person_id)) return out;
  const long long now = services.now_seconds();
  services.db->transact([&](soci::session& sql) {
    revoke_session(services, sql, session.id);
    record_audit(sql, now, {"person:" + std::to_string(session.person_id), "session.logout",
                            "session:" + std::to_string(session.id), request.client_ip, "ok",
                            client ? "oidc:" + client->client_id : "oidc"});
  });
  // A GET changes state here: answers cached for the ended session must go (see read_cache.h).
  services.read_cache->invalidate_all();
  notify_session_end(services, call.provider, session.id, session.person_id, issuer, request.client_ip);
  out.session_cookie = http::SessionCookie{"", 0, !services.dev_mode};
  return out;
}

}  // namespace uia::flows::oidc
