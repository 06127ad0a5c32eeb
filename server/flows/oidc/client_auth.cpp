#include "flows/oidc/client_auth.h"

#include <openssl/crypto.h>
#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/oidc/client_assertion.h"
#include "flows/oidc/client_cache.h"

namespace uia::flows::oidc {
namespace {
using http::ApiResponse;

std::optional<store::OidcClient> enabled_client(app::Services& services, const OidcCall& call, const std::string& client_id) {
  if (client_id.empty() || client_id.size() > 64) return std::nullopt;
  auto client = call.provider.clients->find(services, client_id);
  if (!client || !client->enabled) return std::nullopt;
  return client;
}

// A registered client failed to prove itself: the trail shows which and why (never the secret
// or the assertion itself).
void audit_refusal(app::Services& services, const OidcCall& call, const store::OidcClient& client, const std::string& why) {
  const long long now = services.now_seconds();
  const std::string who = "oidc_client:" + client.client_id;
  services.db->transact([&](soci::session& sql) {
    record_audit(sql, now, {who, "oidc.client_auth", who, call.client_ip, "denied", client.token_endpoint_auth_method + " " + why});
  });
}

std::variant<store::OidcClient, ApiResponse> authenticate_with_assertion(app::Services& services, const OidcCall& call,
                                                                         const Params& form) {
  const auto type = form.find("client_assertion_type");
  const auto assertion = form.find("client_assertion");
  // RFC 6749 §2.3: one method per request.
  if (!call.basic_credentials.empty() || form.count("client_secret"))
    return client_refusal(call, "use one client authentication method, not a secret and an assertion");
  if (type == form.end() || type->second != kJwtBearerAssertionType)
    return client_refusal(call, std::string("client_assertion_type must be ") + kJwtBearerAssertionType);
  if (assertion == form.end() || assertion->second.empty()) return client_refusal(call, "client_assertion is required");
  const std::string claimed = assertion_client_id(assertion->second);
  if (const auto id = form.find("client_id"); id != form.end() && id->second != claimed)
    return client_refusal(call, "client_id differs from the assertion's issuer");
  const auto client = enabled_client(services, call, claimed);
  if (!client) return client_refusal(call, "client authentication failed");
  if (!client->uses_private_key_jwt()) {
    audit_refusal(services, call, *client, "assertion_not_registered");
    return client_refusal(call, "this client is not registered for private_key_jwt");
  }
  const std::string issuer = issuer_of(services, call);
  const long long now = services.now_seconds();
  const AssertionCheck check = check_client_assertion(*client, assertion->second, issuer, now);
  if (!check.failure.empty()) {
    audit_refusal(services, call, *client, check.failure);
    return client_refusal(call, "client assertion refused: " + check.failure);
  }
  if (!use_assertion_once(services, client->client_id, check.jti, check.expires_at, now)) {
    audit_refusal(services, call, *client, "jti_replayed");
    return client_refusal(call, "client assertion refused: jti_replayed");
  }
  return *client;
}

}  // namespace

ApiResponse client_refusal(const OidcCall& call, const std::string& why) {
  ApiResponse out = oauth_error(401, "invalid_client", why);
  if (!call.basic_credentials.empty()) out.headers.emplace_back("WWW-Authenticate", "Basic realm=\"uia\"");
  return out;
}

std::variant<store::OidcClient, ApiResponse> authenticate_client(app::Services& services, const OidcCall& call,
                                                                 const Params& form, bool allow_public) {
  if (form.count("client_assertion") || form.count("client_assertion_type"))
    return authenticate_with_assertion(services, call, form);
  const auto credentials = client_credentials(call, form);
  if (!credentials) return client_refusal(call, "client authentication failed");
  const auto client = enabled_client(services, call, credentials->client_id);
  if (!client) return client_refusal(call, "client authentication failed");
  if (client->uses_private_key_jwt()) {
    // Its secret, if it ever had one, is no proof: only an assertion signed with its key is.
    audit_refusal(services, call, *client, credentials->secret ? "secret_sent" : "assertion_missing");
    return client_refusal(call, "this client authenticates with private_key_jwt (client_assertion)");
  }
  if (client->is_public()) {
    if (!allow_public) return client_refusal(call, "this endpoint needs a confidential client");
    if (credentials->secret && !credentials->secret->empty()) return client_refusal(call, "public clients have no secret");
    return *client;
  }
  if (!credentials->secret || credentials->secret->empty() || !client->secret_hash) return client_refusal(call, "client authentication failed");
  const std::string presented = crypto::token_hash(*credentials->secret);
  if (presented.size() != client->secret_hash->size() ||
      CRYPTO_memcmp(presented.data(), client->secret_hash->data(), presented.size()) != 0)
    return client_refusal(call, "client authentication failed");
  return *client;
}

}  // namespace uia::flows::oidc
