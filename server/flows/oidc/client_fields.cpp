#include "flows/oidc/client_fields.h"

#include "crypto/jose.h"
#include "flows/oidc/client_keys.h"
#include "flows/oidc/oidc_tokens.h"
#include "http/json_fields.h"
#include "ports/url_rules.h"

namespace uia::flows::oidc {
namespace {
using http::ApiResponse;

constexpr std::size_t kMaxUris = 10;
constexpr std::size_t kMaxUriLength = 512;

// https anywhere; http only on loopback (a native app's local listener, a developer's machine):
// the rule of ports/url_rules.h. Besides: no fragment (RFC 6749 §3.1.2), no spaces or control
// characters, a host present, no user information.
bool valid_redirect_uri(const std::string& uri) {
  if (uri.empty() || uri.size() > kMaxUriLength || uri.find('#') != std::string::npos) return false;
  for (unsigned char c : uri)
    if (c <= 0x20 || c >= 0x7f) return false;
  if (uri.rfind("https://", 0) != 0 && uri.rfind("http://", 0) != 0) return false;
  const std::string authority = ports::url_authority(uri);
  if (authority.empty() || authority.find('@') != std::string::npos) return false;
  return ports::url_is_protected(uri);
}

// A JSON array of redirect URIs; nullopt → the answer to send.
std::optional<ApiResponse> read_uris(const nlohmann::json& body, const char* name, bool required,
                                     std::vector<std::string>& out) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return ApiResponse::error(400, ErrorCode::FieldRequired, name);
    return std::nullopt;
  }
  if (!it->is_array()) return ApiResponse::error(400, ErrorCode::FieldType, name);
  if ((required && it->empty()) || it->size() > kMaxUris)
    return ApiResponse::error(400, ErrorCode::RedirectUriInvalid, name);
  for (const auto& item : *it) {
    if (!item.is_string() || !valid_redirect_uri(item.get<std::string>()))
      return ApiResponse::error(400, ErrorCode::RedirectUriInvalid, name);
    out.push_back(item.get<std::string>());
  }
  return std::nullopt;
}

// How the client will authenticate at the token endpoint (RFC 7591 §2), and for private_key_jwt
// its public keys, inline: `c.client_type` is read already. Fetching keys from a jwks_uri would
// need its own port (timeouts, caching, rotation); until there is one it is refused plainly.
std::optional<ApiResponse> read_client_auth(const nlohmann::json& body, store::OidcClient& c) {
  if (const auto it = body.find("jwks_uri"); it != body.end() && !it->is_null())
    return ApiResponse::error(400, ErrorCode::ClientJwksUriUnsupported, "jwks_uri");
  const auto method_it = body.find("token_endpoint_auth_method");
  if (method_it != body.end() && !method_it->is_null() && !method_it->is_string())
    return ApiResponse::error(400, ErrorCode::FieldType, "token_endpoint_auth_method");
  const std::string fallback = c.is_public() ? "none" : "client_secret_basic";
  c.token_endpoint_auth_method =
      method_it == body.end() || method_it->is_null() ? fallback : method_it->get<std::string>();
  const std::string& method = c.token_endpoint_auth_method;
  const bool fits = c.is_public() ? method == "none"
                                  : method == "client_secret_basic" || method == "client_secret_post" || method == "private_key_jwt";
  if (!fits) return ApiResponse::error(400, ErrorCode::OptionInvalid, "token_endpoint_auth_method");
  const auto jwks_it = body.find("jwks");
  const bool has_jwks = jwks_it != body.end() && !jwks_it->is_null();
  if (!c.uses_private_key_jwt()) {
    // Keys nobody would ever check are a mistake worth saying so.
    if (has_jwks) return ApiResponse::error(400, ErrorCode::ClientJwksInvalid, "jwks");
    return std::nullopt;
  }
  if (!has_jwks) return ApiResponse::error(400, ErrorCode::FieldRequired, "jwks");
  const auto keys = normalized_client_jwks(*jwks_it);
  if (!keys) return ApiResponse::error(400, ErrorCode::ClientJwksInvalid, "jwks");
  c.jwks = keys->dump();
  return std::nullopt;
}

}  // namespace

std::optional<ApiResponse> read_client_fields(const nlohmann::json& body, store::OidcClient& c) {
  http::JsonFields fields(body, kMaxUriLength);
  c.name = fields.required("name");
  c.client_type = fields.optional("client_type").value_or("confidential");
  c.subject_type = fields.optional("subject_type").value_or("public");
  c.id_token_alg = fields.optional("id_token_signed_response_alg").value_or("ES256");
  const auto backchannel = fields.optional("backchannel_logout_uri");
  if (fields.failed()) return fields.error();
  if (c.name.empty() || c.name.size() > 128) return ApiResponse::error(400, ErrorCode::OptionInvalid, "name");
  if (c.client_type != "confidential" && c.client_type != "public")
    return ApiResponse::error(400, ErrorCode::OptionInvalid, "client_type");
  if (c.subject_type != "public" && c.subject_type != "pairwise")
    return ApiResponse::error(400, ErrorCode::OptionInvalid, "subject_type");
  if (!crypto::jws_alg_from_name(c.id_token_alg))
    return ApiResponse::error(400, ErrorCode::OptionInvalid, "id_token_signed_response_alg");
  c.backchannel_logout_uri.reset();
  if (backchannel && !backchannel->empty()) {
    if (!valid_redirect_uri(*backchannel)) return ApiResponse::error(400, ErrorCode::RedirectUriInvalid, "backchannel_logout_uri");
    c.backchannel_logout_uri = *backchannel;
  }
  if (auto bad = read_client_auth(body, c)) return bad;
  c.redirect_uris.clear();
  c.post_logout_redirect_uris.clear();
  if (auto bad = read_uris(body, "redirect_uris", true, c.redirect_uris)) return bad;
  if (auto bad = read_uris(body, "post_logout_redirect_uris", false, c.post_logout_redirect_uris)) return bad;
  if (const auto it = body.find("scopes"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) return ApiResponse::error(400, ErrorCode::FieldType, "scopes");
    std::set<std::string> scopes;
    for (const auto& s : *it) {
      if (!s.is_string() || !supported_scopes().count(s.get<std::string>()))
        return ApiResponse::error(400, ErrorCode::OptionInvalid, "scopes");
      scopes.insert(s.get<std::string>());
    }
    if (!scopes.count("openid")) return ApiResponse::error(400, ErrorCode::OptionInvalid, "scopes");
    c.scopes = join_scope(scopes);
  }
  if (const auto it = body.find("min_level"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer()) return ApiResponse::error(400, ErrorCode::FieldType, "min_level");
    const long long level = it->get<long long>();
    if (level < 1 || level > kMaxLevel) return ApiResponse::error(400, ErrorCode::OptionInvalid, "min_level");
    c.min_level = static_cast<int>(level);
  }
  return std::nullopt;
}

}  // namespace uia::flows::oidc
