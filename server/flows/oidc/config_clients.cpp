#include "flows/oidc/config_clients.h"

#include <set>
#include <stdexcept>

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/oidc/client_fields.h"
#include "store/oidc_client_repository.h"

namespace uia::flows::oidc {
namespace {

// The client secret is stored as SHA-256 only (no slow hash), so it must carry the entropy
// itself: as long as the 256-bit secrets back-office registration generates.
constexpr std::size_t kMinSecretLength = 32;
constexpr std::size_t kMaxSecretLength = 256;

[[noreturn]] void refuse(std::size_t index, const std::string& field, const std::string& why) {
  throw std::runtime_error("oidc.clients[" + std::to_string(index) + "]" + (field.empty() ? "" : "." + field) + ": " + why);
}

// Letters, digits and . _ -, 3 to 64 long: safe in URLs, logs and audit targets unescaped.
bool valid_client_id(const std::string& id) {
  if (id.size() < 3 || id.size() > 64) return false;
  for (unsigned char c : id)
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

store::OidcClient read_entry(const nlohmann::json& entry, std::size_t index) {
  static const std::set<std::string> known = {"client_id", "client_secret", "name", "client_type", "redirect_uris",
                                              "post_logout_redirect_uris", "scopes", "subject_type",
                                              "id_token_signed_response_alg", "backchannel_logout_uri", "min_level",
                                              "token_endpoint_auth_method", "jwks"};
  if (!entry.is_object()) refuse(index, "", "must be an object");
  for (const auto& [key, value] : entry.items())
    if (!known.count(key)) refuse(index, key, "is not a known setting");
  store::OidcClient c;
  if (auto bad = read_client_fields(entry, c)) {
    const auto& error = bad->body["error"];
    refuse(index, error.value("field", ""), error.value("message", "") + " (" + error.value("code", "") + ")");
  }
  const auto id = entry.find("client_id");
  if (id == entry.end() || !id->is_string() || !valid_client_id(id->get<std::string>()))
    refuse(index, "client_id", "must be 3 to 64 letters, digits, '.', '_' or '-'");
  c.client_id = id->get<std::string>();
  const auto secret = entry.find("client_secret");
  if (c.is_public() || c.uses_private_key_jwt()) {
    if (secret != entry.end()) refuse(index, "client_secret", "a public or private_key_jwt client has no secret");
  } else {
    if (secret == entry.end() || !secret->is_string() || secret->get<std::string>().size() < kMinSecretLength ||
        secret->get<std::string>().size() > kMaxSecretLength)
      refuse(index, "client_secret", "a confidential client needs a random secret of at least 32 characters");
    c.secret_hash = crypto::token_hash(secret->get<std::string>());
  }
  c.created_by = store::kConfigClientCreator;
  return c;
}

bool same_description(const store::OidcClient& a, const store::OidcClient& b) {
  return a.name == b.name && a.secret_hash == b.secret_hash && a.client_type == b.client_type &&
         a.redirect_uris == b.redirect_uris && a.post_logout_redirect_uris == b.post_logout_redirect_uris &&
         a.scopes == b.scopes && a.subject_type == b.subject_type && a.id_token_alg == b.id_token_alg &&
         a.backchannel_logout_uri == b.backchannel_logout_uri && a.min_level == b.min_level &&
         a.token_endpoint_auth_method == b.token_endpoint_auth_method && a.jwks == b.jwks;
}

}  // namespace

void apply_config_clients(app::Services& services, const nlohmann::json& clients) {
  if (clients.is_null()) return;
  if (!clients.is_array()) throw std::runtime_error("oidc.clients must be a list of clients");
  // Every entry is checked before anything is written: a bad file changes nothing.
  std::vector<store::OidcClient> wanted;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < clients.size(); ++i) {
    wanted.push_back(read_entry(clients[i], i));
    if (!ids.insert(wanted.back().client_id).second) refuse(i, "client_id", "is listed twice");
  }
  const long long now = services.now_seconds();
  const store::OidcClientRepository repository;
  services.db->transact([&](soci::session& sql) {
    for (std::size_t i = 0; i < wanted.size(); ++i) {
      store::OidcClient& c = wanted[i];
      const std::string target = "oidc_client:" + c.client_id;
      const auto existing = repository.find(sql, c.client_id);
      if (!existing) {
        c.created_at = now;
        c.id = repository.insert(sql, c);
        record_audit(sql, now, {"system", "oidc.client.create", target, "", "ok", "config " + c.client_type});
      } else if (existing->created_by != store::kConfigClientCreator) {
        refuse(i, "client_id", "is a client back-office registered; the file cannot take it over");
      } else if (!same_description(*existing, c)) {
        repository.update(sql, c);
        record_audit(sql, now, {"system", "oidc.client.update", target, "", "ok", "config " + c.client_type});
      }
    }
  });
}

}  // namespace uia::flows::oidc
