#include "flows/oidc/client_auth.h"

#include <openssl/crypto.h>

#include "crypto/tokens.h"

namespace uia::flows::oidc {

std::variant<store::OidcClient, http::ApiResponse> authenticate_client(app::Services& services, const OidcCall& call,
                                                                       const Params& form, bool allow_public) {
  const auto refuse = [&](const std::string& why) {
    http::ApiResponse out = oauth_error(401, "invalid_client", why);
    if (!call.basic_credentials.empty()) out.headers.emplace_back("WWW-Authenticate", "Basic realm=\"uia\"");
    return out;
  };
  const auto credentials = client_credentials(call, form);
  if (!credentials || credentials->client_id.size() > 64) return refuse("client authentication failed");
  store::OidcClientRepository clients;
  const auto client = services.db->with_session([&](soci::session& sql) { return clients.find(sql, credentials->client_id); });
  if (!client || !client->enabled) return refuse("client authentication failed");
  if (client->is_public()) {
    if (!allow_public) return refuse("this endpoint needs a confidential client");
    if (credentials->secret && !credentials->secret->empty()) return refuse("public clients have no secret");
    return *client;
  }
  if (!credentials->secret || credentials->secret->empty() || !client->secret_hash) return refuse("client authentication failed");
  const std::string presented = crypto::token_hash(*credentials->secret);
  if (presented.size() != client->secret_hash->size() ||
      CRYPTO_memcmp(presented.data(), client->secret_hash->data(), presented.size()) != 0)
    return refuse("client authentication failed");
  return *client;
}

}  // namespace uia::flows::oidc
