#include "flows/oidc/authorize.h"

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/oidc/enterprise_account.h"
#include "flows/oidc/oauth_http.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/oidc/pending_request.h"

namespace uia::flows::oidc {
namespace {
using http::ApiResponse;

constexpr std::size_t kMaxParam = 512;

bool is_code_challenge(const std::string& value) {
  // BASE64URL(SHA-256(verifier)): 43 characters of the base64url alphabet.
  if (value.size() != 43) return false;
  for (unsigned char c : value)
    if (!std::isalnum(c) && c != '-' && c != '_') return false;
  return true;
}

// The lowest level the acr_values name (any of them satisfies the client); 0 when none of ours.
int level_from_acr_values(const std::string& acr_values) {
  int lowest = 0;
  for (const auto& acr : split_scope(acr_values))
    if (const auto level = level_from_acr(acr)) lowest = lowest == 0 ? *level : std::min(lowest, *level);
  return lowest;
}

// claims={"id_token":{"acr":{"essential":true,"values":[...]}}} (OIDC Core §5.5.1.1).
std::optional<int> level_from_claims(const std::string& claims_text) {
  if (claims_text.empty()) return 0;
  const auto claims = nlohmann::json::parse(claims_text, nullptr, false);
  if (!claims.is_object()) return std::nullopt;
  int lowest = 0;
  for (const char* part : {"id_token", "userinfo"}) {
    const auto it = claims.find(part);
    if (it == claims.end() || !it->is_object()) continue;
    const auto acr = it->find("acr");
    if (acr == it->end() || !acr->is_object()) continue;
    std::vector<std::string> values;
    if (acr->contains("value") && (*acr)["value"].is_string()) values.push_back((*acr)["value"].get<std::string>());
    if (acr->contains("values") && (*acr)["values"].is_array())
      for (const auto& v : (*acr)["values"])
        if (v.is_string()) values.push_back(v.get<std::string>());
    for (const auto& v : values)
      if (const auto level = level_from_acr(v)) lowest = lowest == 0 ? *level : std::min(lowest, *level);
  }
  return lowest;
}

}  // namespace

ApiResponse authorize(app::Services& services, const OidcCall& call, const http::ApiRequest& request) {
  const std::string issuer = issuer_of(services, call);
  if (issuer.empty()) return oauth_error(503, "temporarily_unavailable", "the provider's issuer is not configured");
  const auto query = decoded_query(request);
  if (!query) return oauth_error(400, "invalid_request", "a query parameter is badly encoded");
  const auto param = [&](const char* name) -> std::optional<std::string> {
    const auto it = query->find(name);
    if (it == query->end()) return std::nullopt;
    return it->second;
  };
  for (const auto& [name, value] : *query)
    if (value.size() > (name == "claims" ? 2048 : kMaxParam)) return oauth_error(400, "invalid_request", name + " is too long");

  // Until the client and its redirect URI are known good, nothing is redirected anywhere.
  const std::string client_id = param("client_id").value_or("");
  const std::string redirect_uri = param("redirect_uri").value_or("");
  if (client_id.empty()) return oauth_error(400, "invalid_request", "client_id is required");
  store::OidcClientRepository clients;
  const auto client = services.db->with_session([&](soci::session& sql) { return clients.find(sql, client_id); });
  if (!client || !client->enabled) return oauth_error(400, "invalid_client", "unknown or disabled client");
  if (redirect_uri.empty() || !client->has_redirect_uri(redirect_uri))
    return oauth_error(400, "invalid_request", "redirect_uri is not registered for this client");

  const auto state = param("state");
  const auto fail = [&](const std::string& error, const std::string& description) {
    return redirect(error_redirect(redirect_uri, state, error, description, issuer));
  };
  if (param("request") || param("request_uri")) return fail("request_not_supported", "request objects are not supported");
  if (param("response_type").value_or("") != "code") return fail("unsupported_response_type", "response_type must be code");
  if (const auto mode = param("response_mode"); mode && *mode != "query")
    return fail("invalid_request", "response_mode must be query");
  const auto scopes = split_scope(param("scope").value_or(""));
  if (!scopes.count("openid")) return fail("invalid_scope", "scope must include openid");
  const auto allowed = split_scope(client->scopes);
  for (const auto& s : scopes)
    if (!supported_scopes().count(s) || !allowed.count(s)) return fail("invalid_scope", "scope " + s + " is not allowed");

  // PKCE (RFC 7636): S256 only; required of public clients, which have no secret to prove.
  const auto challenge = param("code_challenge");
  const std::string method = param("code_challenge_method").value_or(challenge ? "plain" : "");
  if (challenge) {
    if (method != "S256") return fail("invalid_request", "code_challenge_method must be S256");
    if (!is_code_challenge(*challenge)) return fail("invalid_request", "code_challenge is malformed");
  } else if (!method.empty()) {
    return fail("invalid_request", "code_challenge is missing");
  } else if (client->is_public()) {
    return fail("invalid_request", "public clients must use PKCE (S256)");
  }

  const auto claims_level = level_from_claims(param("claims").value_or(""));
  if (!claims_level) return fail("invalid_request", "claims is not a JSON object");
  const int min_level = std::max({client->min_level, level_from_acr_values(param("acr_values").value_or("")), *claims_level});
  const std::string prompt = param("prompt").value_or("");
  const auto prompts = split_scope(prompt);
  if (prompts.count("none") && prompts.size() > 1) return fail("invalid_request", "prompt=none stands alone");
  // max_age (OIDC Core §3.1.2.1): seconds; 0 asks for a sign-in made for this request.
  std::optional<long long> max_age;
  if (const auto text = param("max_age")) {
    if (text->empty() || text->size() > 9 || text->find_first_not_of("0123456789") != std::string::npos)
      return fail("invalid_request", "max_age must be a non-negative integer of seconds");
    max_age = std::stoll(*text);
  }

  PendingRequest pending;
  pending.id = crypto::random_token(*services.random, 24);
  pending.client_id = client->client_id;
  pending.redirect_uri = redirect_uri;
  pending.scope = join_scope(scopes);
  pending.state = state;
  pending.nonce = param("nonce");
  pending.code_challenge = challenge;
  pending.min_level = min_level;
  // Kept with the request: the login and consent pages must honour it after the sign-in.
  std::set<std::string> kept_prompts;
  for (const char* value : {"none", "login", "consent"})
    if (prompts.count(value)) kept_prompts.insert(value);
  pending.prompt = join_scope(kept_prompts);
  pending.max_age = max_age;
  const long long now = services.now_seconds();
  pending.created_at = now;
  pending.expires_at = now + call.settings().request_seconds;

  const auto browser = browser_of(services, request.session_cookie);
  const bool must_sign_in = !browser || browser->level < min_level || prompts.count("login") ||
                            (max_age && now - browser->auth_time > *max_age);
  // agentclaims: an enterprise account's own session signs in again as a person (enterprise_account.h).
  const bool enterprise_account = !browser && is_enterprise_account_session(services, request.session_cookie);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (must_sign_in) {
      if (prompts.count("none"))
        return fail("login_required", enterprise_account ? kEnterpriseAccountDescription
                                      : !browser                      ? ""
                                      : browser->level < min_level   ? "a higher real-name level is required"
                                                                     : "the sign-in is older than max_age");
      save_request(sql, pending, now);
      return redirect("/#/login?oidc=" + pending.id + (enterprise_account ? std::string("&reason=") + kEnterpriseAccountReason : ""));
    }
    if (prompts.count("consent") || !has_consent(sql, browser->person_id, client->client_id, pending.scope)) {
      if (prompts.count("none")) return fail("consent_required", "");
      save_request(sql, pending, now);
      return redirect("/#/consent?oidc=" + pending.id);
    }
    save_request(sql, pending, now);
    return redirect(finish_with_code(services, call.settings(), sql, pending, *browser, issuer, request.client_ip));
  });
}

}  // namespace uia::flows::oidc
