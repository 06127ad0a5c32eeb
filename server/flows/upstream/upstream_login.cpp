#include "flows/upstream/upstream_login.h"

#include <soci/soci.h>

#include "crypto/jose.h"
#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/account_freeze.h"
#include "flows/oidc/oauth_http.h"
#include "flows/sessions/session_store.h"
#include "flows/upstream/id_token_check.h"
#include "flows/upstream/return_target.h"
#include "flows/upstream/upstream_error.h"
#include "flows/upstream/upstream_login_state.h"
#include "ids/documents.h"
#include "ports/request_signing.h"
#include "store/person_repository.h"
#include "store/upstream_link_repository.h"

namespace uia::flows::upstream {
namespace {
using http::ApiResponse;
using store::Person;
using store::PersonStatus;

std::string method_of(const std::string& provider) { return "upstream:" + provider; }

// The one way out on failure: back to the login page with a code it can look up in the catalogue,
// still bound to the business system's request the sign-in started from (`return_to`), if any.
ApiResponse to_login_page(UpstreamError code, const std::string& return_to = "") {
  const std::string request = pending_request_in(return_to);
  ApiResponse out = oidc::redirect(std::string(kLoginPage) + "?" + (request.empty() ? "" : "oidc=" + request + "&") +
                                   "upstream_error=" + std::string(upstream_error_name(code)));
  out.headers.emplace_back("Cache-Control", "no-store");
  return out;
}

// Audits the refusal (in its own transaction: nothing else is written) and sends the browser back.
ApiResponse refuse(app::Services& services, const http::ApiRequest& request, const std::string& provider,
                   UpstreamError code, const std::string& why, const std::string& return_to = "") {
  try {
    const long long now = services.now_seconds();
    services.db->transact([&](soci::session& sql) {
      std::string detail = method_of(provider) + " " + std::string(upstream_error_name(code));
      if (!why.empty()) detail += " " + why.substr(0, 160);
      record_audit(sql, now, {"anonymous", "session.login", "upstream:" + provider, request.client_ip, "denied", detail});
    });
  } catch (const std::exception&) {
    // The refusal still reaches the browser; a failed audit write must not turn into a 5xx here.
  }
  return to_login_page(code, return_to);
}

// The uia_upstream cookie (see upstream_login_state.h): HttpOnly, SameSite=Lax (it must come
// back on the provider's top-level redirect), Secure except in dev mode (plain http on loopback),
// and sent to the upstream routes only.
http::ResponseCookie browser_cookie(const app::Services& services, const std::string& value, int max_age_seconds) {
  return {kBrowserCookieName, value, kBrowserCookiePath, max_age_seconds, !services.dev_mode};
}

UpstreamError unavailable_or_denied(const ports::UpstreamReply& reply) {
  return reply.outcome == ports::UpstreamOutcome::Refused ? UpstreamError::Denied : UpstreamError::Unavailable;
}

std::string claim_text(const nlohmann::json& claims, const std::string& name) {
  const auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct Identity {
  std::string sub;
  std::string id_number;
  std::string id_type;  // "" when the provider does not say
};

ApiResponse finish(const UpstreamRuntime& provider, app::Services& services, const http::ApiRequest& request,
                   const oidc::Params& query) {
  const std::string& name = provider.config.name;
  const auto param = [&](const char* key) {
    const auto it = query.find(key);
    return it == query.end() ? std::string() : it->second;
  };
  const long long now = services.now_seconds();

  // The state first, even when the provider reports an error: a state is spent either way.
  const auto state = services.db->transact(
      [&](soci::session& sql) { return take_login_state(services, sql, name, param("state"), now); });
  if (!state) return refuse(services, request, name, UpstreamError::StateInvalid, "");
  // Login CSRF: the state must come back to the browser it was given to (its cookie).
  const std::string browser = request.cookie(kBrowserCookieName);
  if (browser.empty() || state->browser_hash.empty() ||
      !ports::constant_time_equals(crypto::token_hash(browser), state->browser_hash))
    return refuse(services, request, name, UpstreamError::StateInvalid, browser.empty() ? "no browser cookie" : "other browser");
  // From here on a refusal goes back to the login page of the business system's request, if any.
  const auto refused = [&](UpstreamError code, const std::string& why) {
    return refuse(services, request, name, code, why, state->return_to);
  };
  // RFC 9207 (mix-up defence): the answer must say it comes from this provider. Required when
  // the provider advertises the parameter; checked whenever it is present.
  const auto iss = query.find("iss");
  if (iss != query.end() ? iss->second != provider.config.issuer : provider.config.iss_parameter_supported)
    return refused(UpstreamError::IssuerMismatch, iss == query.end() ? "no iss" : "iss " + iss->second.substr(0, 120));
  if (!param("error").empty()) return refused(UpstreamError::Denied, param("error").substr(0, 64));
  const std::string code = param("code");
  if (code.empty() || code.size() > 512) return refused(UpstreamError::Denied, "no code");

  const ports::UpstreamReply tokens = provider.port->exchange_code(code, state->code_verifier);
  if (tokens.outcome != ports::UpstreamOutcome::Ok)
    return refused(unavailable_or_denied(tokens), "token: " + tokens.detail);
  const std::string id_token = claim_text(tokens.json, "id_token");
  const nlohmann::json header = crypto::jws_peek_header(id_token);
  if (!header.is_object()) return refused(UpstreamError::TokenInvalid, "malformed");
  const auto key = provider.keys->key_for(claim_text(header, "kid"), *provider.port, now);
  if (key.unavailable) return refused(UpstreamError::Unavailable, "jwks");
  const CheckedIdToken checked = check_id_token(
      id_token, key.jwk, {provider.config.issuer, provider.config.client_id, state->nonce, now});
  if (checked.problem != IdTokenProblem::None)
    return refused(UpstreamError::TokenInvalid, std::string(problem_name(checked.problem)));

  Identity who;
  who.sub = claim_text(checked.claims, "sub");
  who.id_number = claim_text(checked.claims, provider.config.id_number_claim);
  who.id_type = claim_text(checked.claims, "id_type");

  store::UpstreamLinkRepository links;
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const auto link = services.db->with_session([&](soci::session& sql) { return links.find(sql, name, who.sub); });
  if (!link && who.id_number.empty() && !provider.config.userinfo_endpoint.empty()) {
    // Not in the ID token: the provider may release it at userinfo only.
    const ports::UpstreamReply info = provider.port->userinfo(claim_text(tokens.json, "access_token"));
    if (info.outcome != ports::UpstreamOutcome::Ok)
      return refused(unavailable_or_denied(info), "userinfo: " + info.detail);
    if (claim_text(info.json, "sub") != who.sub)
      return refused(UpstreamError::TokenInvalid, "userinfo sub differs");
    who.id_number = claim_text(info.json, provider.config.id_number_claim);
    who.id_type = claim_text(info.json, "id_type");
  }
  if (!link && who.id_number.empty()) return refused(UpstreamError::NoIdNumber, "");

  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    std::optional<Person> person;
    if (link) {
      person = persons.find_by_id(sql, link->person_id);
    } else {
      const std::string number = normalize_document_number(who.id_number);
      person = who.id_type.empty() ? persons.find_by_any_id_number(sql, number)
                                   : persons.find_by_id_number(sql, who.id_type, number);
    }
    const auto denied = [&](UpstreamError code, const std::string& why) {
      record_audit(sql, now, {"anonymous", "session.login", "upstream:" + name, request.client_ip, "denied",
                              method_of(name) + " " + std::string(upstream_error_name(code)) + (why.empty() ? "" : " " + why)});
      return to_login_page(code, state->return_to);
    };
    if (!person || person->status == PersonStatus::Deleted) return denied(UpstreamError::AccountNotLinked, "");
    if (person->status != PersonStatus::Active)
      return denied(UpstreamError::AccountNotActive, std::string(store::status_name(person->status)));
    if (person_frozen(sql, person->id)) return denied(UpstreamError::AccountFrozen, "");
    const std::string person_ref = "person:" + std::to_string(person->id);
    if (link) {
      links.touch(sql, link->id, now);
    } else {
      links.insert(sql, name, who.sub, person->id, now);
      record_audit(sql, now, {person_ref, "upstream.link", "upstream:" + name, request.client_ip, "ok", method_of(name)});
    }
    const NewSession session = create_session(services, sql, person->id, request.client_ip, request.user_agent);
    record_audit(sql, now, {person_ref, "session.login", "session:" + std::to_string(session.id), request.client_ip, "ok",
                            method_of(name)});
    // Back where the sign-in started from (a business system's pending request), else the centre.
    const bool back = !state->return_to.empty() && is_safe_return_target(state->return_to);
    ApiResponse out = oidc::redirect(back ? state->return_to : std::string(kSignedInPage));
    out.headers.emplace_back("Cache-Control", "no-store");
    out.session_cookie = http::SessionCookie{session.token, services.limits.session_absolute_seconds, !services.dev_mode};
    return out;
  });
}

// Whether the province profile offers sign-in through another platform at all (000, 003).
bool upstream_offered(const app::Services& services) {
  return profile_lists(services.profile().login_methods, "upstream");
}

}  // namespace

ApiResponse list_upstream_providers(const UpstreamProviders& providers, app::Services& services, const http::ApiRequest&) {
  nlohmann::json list = nlohmann::json::array();
  if (upstream_offered(services))
    for (const auto& p : providers.all())
      list.push_back({{"name", p->config.name},
                      {"display_name", p->config.display_name},
                      {"login_url", "/api/v1/upstream/" + p->config.name + "/login"}});
  // The texts of the upstream_error codes travel with the list until they join the catalogue.
  nlohmann::json errors = nlohmann::json::object();
  for (const auto e : {UpstreamError::ProviderUnknown, UpstreamError::StateInvalid, UpstreamError::Denied,
                       UpstreamError::Unavailable, UpstreamError::TokenInvalid, UpstreamError::NoIdNumber,
                       UpstreamError::AccountNotLinked, UpstreamError::AccountNotActive, UpstreamError::IssuerMismatch,
                       UpstreamError::AccountFrozen})
    errors[std::string(upstream_error_name(e))] = upstream_error_zh(e);
  return ApiResponse::json(200, {{"providers", list}, {"error_messages", errors}});
}

ApiResponse start_upstream_login(const UpstreamProviders& providers, app::Services& services,
                                 const http::ApiRequest& request) {
  const std::string name = request.params.count("name") ? request.params.at("name") : "";
  const UpstreamRuntime* provider = upstream_offered(services) ? providers.find(name) : nullptr;
  if (!provider) return to_login_page(UpstreamError::ProviderUnknown);
  const long long now = services.now_seconds();
  // Only a path on this site; anything else (another host, a scheme) is dropped: the centre.
  // (Pistache hands the query over still percent-encoded: decoded_query decodes it.)
  const auto query = oidc::decoded_query(request);
  std::string return_to = query && query->count("return_to") ? query->at("return_to") : std::string();
  if (!is_safe_return_target(return_to)) return_to.clear();
  const LoginState state =
      services.db->transact([&](soci::session& sql) {
        return begin_login_state(services, sql, name, return_to, request.cookie(kBrowserCookieName), now);
      });
  const auto& c = provider->config;
  ApiResponse out = oidc::redirect(oidc::with_params(c.authorization_endpoint, {{"response_type", "code"},
                                                                                {"client_id", c.client_id},
                                                                                {"redirect_uri", c.redirect_uri},
                                                                                {"scope", c.scope},
                                                                                {"state", state.state},
                                                                                {"nonce", state.nonce},
                                                                                {"code_challenge", state.code_challenge},
                                                                                {"code_challenge_method", "S256"}}));
  out.headers.emplace_back("Cache-Control", "no-store");
  out.cookies.push_back(browser_cookie(services, state.browser_secret, static_cast<int>(kLoginStateSeconds)));
  return out;
}

ApiResponse finish_upstream_login(const UpstreamProviders& providers, app::Services& services,
                                  const http::ApiRequest& request) {
  const std::string name = request.params.count("name") ? request.params.at("name") : "";
  const UpstreamRuntime* provider = providers.find(name);
  if (!provider) return to_login_page(UpstreamError::ProviderUnknown);
  const auto query = oidc::decoded_query(request);
  ApiResponse out;
  if (!query) {
    out = refuse(services, request, name, UpstreamError::StateInvalid, "bad query encoding");
  } else {
    try {
      out = finish(*provider, services, request, *query);
    } catch (const std::exception& e) {
      // A database or provider surprise: still a redirect with a code, never a 5xx page.
      out = refuse(services, request, name, UpstreamError::Unavailable, std::string("internal: ") + e.what());
    }
  }
  // The browser's binding is spent with the state, whatever the outcome, unless another sign-in
  // of this browser (another tab) still needs it.
  const std::string browser = request.cookie(kBrowserCookieName);
  bool still_needed = false;
  try {
    still_needed = services.db->with_session(
        [&](soci::session& sql) { return browser_has_pending_login(sql, browser, services.now_seconds()); });
  } catch (const std::exception&) {
    // Cleared, then: the other sign-in starts again; never a 5xx here.
  }
  if (!still_needed) out.cookies.push_back(browser_cookie(services, "", 0));
  return out;
}

}  // namespace uia::flows::upstream
