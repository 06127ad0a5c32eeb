// Who is calling the token, introspection and revocation endpoints: a registered, enabled
// client proving itself with its secret (client_secret_basic or client_secret_post), with a JWT
// signed by its registered key (private_key_jwt, client_assertion.h; such a client is refused
// any other way, and its failures are audited), or a public client naming itself (it proves
// possession of the code with PKCE instead).
#pragma once
#include <variant>

#include "app/services.h"
#include "flows/oidc/oauth_http.h"
#include "http/api.h"
#include "store/oidc_client_repository.h"

namespace uia::flows::oidc {

// The client, or the RFC 6749 invalid_client answer (401, with WWW-Authenticate for Basic).
// allow_public: false on endpoints only confidential clients may use.
// The client is read through the provider's ClientCache: a transaction that issues tokens checks
// again that it is still enabled (client_refusal when not).
std::variant<store::OidcClient, http::ApiResponse> authenticate_client(app::Services& services, const OidcCall& call,
                                                                       const Params& form, bool allow_public = true);
// RFC 6749 §5.2 invalid_client: 401, with WWW-Authenticate when the client used Basic.
http::ApiResponse client_refusal(const OidcCall& call, const std::string& why);

}  // namespace uia::flows::oidc
