// The OAuth side of HTTP: form bodies (application/x-www-form-urlencoded), query values as
// browsers and OAuth libraries encode them ('+' is a space), client credentials from HTTP Basic
// (RFC 6749 §2.3.1: both halves form-encoded) or the body, RFC 6749 error bodies
// ({"error", "error_description"}, not the /api/v1 envelope), and redirect URLs with parameters.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows::oidc {

using Params = std::map<std::string, std::string>;

// nullopt when a pair is badly encoded or a name repeats (RFC 6749 §3.1: parameters once).
std::optional<Params> parse_form(std::string_view body);
// '+' → space, then percent-decoding; nullopt on a bad escape.
std::optional<std::string> form_decode(std::string_view text);
std::string form_encode(std::string_view text);
// The request's query, decoded like a form; nullopt on a bad escape.
std::optional<Params> decoded_query(const http::ApiRequest& request);

// `base` + '?' or '&' + name=value pairs, encoded.
std::string with_params(const std::string& base, const std::vector<std::pair<std::string, std::string>>& params);

// {"error": code, "error_description": text}, no-store.
http::ApiResponse oauth_error(int status, const std::string& code, const std::string& description);
// 302 to `location` with no body.
http::ApiResponse redirect(const std::string& location);
// JSON with Cache-Control: no-store (token responses).
http::ApiResponse no_store_json(int status, nlohmann::json body);

struct ClientCredentials {
  std::string client_id;
  std::optional<std::string> secret;
  bool from_basic = false;
};
// From the Basic header, else the form's client_id/client_secret. nullopt when both are used
// (RFC 6749 §2.3: one method per request) or the header is malformed.
std::optional<ClientCredentials> client_credentials(const OidcCall& call, const Params& form);

// The issuer URL: configured, else (dev mode only) "http://" + Host. Empty when unknown.
std::string issuer_of(const app::Services& services, const OidcCall& call);

}  // namespace uia::flows::oidc
