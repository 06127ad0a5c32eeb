#include "flows/oidc/signing_keys.h"

#include <stdexcept>
#include <vector>

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "store/key_lock.h"

namespace uia::flows::oidc {
namespace {

constexpr const char* kSealedColumn = "oidc_signing_keys.private_enc";

struct StoredKey {
  std::string kid;
  std::string private_enc;
  std::string public_jwk;
  long long created_at = 0;
};

// Newest first.
std::vector<StoredKey> stored_keys(soci::session& sql, crypto::JwsAlg alg) {
  const std::string alg_name(crypto::jws_alg_name(alg));
  std::vector<StoredKey> out;
  StoredKey k;
  soci::statement st = (sql.prepare << "SELECT kid, private_enc, public_jwk, created_at FROM oidc_signing_keys "
                                       "WHERE alg = :alg ORDER BY created_at DESC, kid",
                        soci::into(k.kid), soci::into(k.private_enc), soci::into(k.public_jwk), soci::into(k.created_at),
                        soci::use(alg_name));
  st.execute();
  while (st.fetch()) out.push_back(k);
  return out;
}

bool fresh(const OidcSettings& settings, const std::vector<StoredKey>& keys, long long now) {
  return !keys.empty() && keys.front().created_at > now - settings.key_rotation_seconds;
}

SigningKey opened(const app::Services& services, const StoredKey& stored, crypto::JwsAlg alg) {
  const auto pem = services.cipher->open(stored.private_enc, kSealedColumn);
  if (!pem) throw std::runtime_error("an OIDC signing key does not open with this key file");
  return SigningKey{stored.kid, alg, *pem, stored.created_at, crypto::SigningPrivateKey::from_pem(*pem, alg)};
}

}  // namespace

SigningKey current_signing_key(app::Services& services, const OidcSettings& settings, crypto::JwsAlg alg) {
  const long long now = services.now_seconds();
  auto keys = services.db->with_session([&](soci::session& sql) { return stored_keys(sql, alg); });
  if (fresh(settings, keys, now)) return opened(services, keys.front(), alg);
  // Make the next key under a lock, so that concurrent requests make one, not several.
  return services.db->transact([&](soci::session& sql) {
    store::lock_key(sql, services.db->backend(), "oidc.signing_keys", now);
    keys = stored_keys(sql, alg);
    if (fresh(settings, keys, now)) return opened(services, keys.front(), alg);
    const std::string pem = crypto::generate_signing_key_pem(alg);
    if (pem.empty()) throw std::runtime_error("OpenSSL could not make an OIDC signing key");
    const std::string kid = crypto::random_token(*services.random, 12);
    const std::string jwk = crypto::public_jwk(pem, alg, kid).dump();
    const std::string sealed = services.cipher->seal(pem, kSealedColumn);
    const std::string alg_name(crypto::jws_alg_name(alg));
    sql << "INSERT INTO oidc_signing_keys (kid, alg, private_enc, public_jwk, created_at) VALUES (:kid, :alg, :priv, :pub, :at)",
        soci::use(kid), soci::use(alg_name), soci::use(sealed), soci::use(jwk), soci::use(now);
    record_audit(sql, now, {"system", "oidc.key.rotate", "oidc_key:" + kid, "", "ok", alg_name});
    return SigningKey{kid, alg, pem, now, crypto::SigningPrivateKey::from_pem(pem, alg)};
  });
}

nlohmann::json published_jwks(app::Services& services, const OidcSettings& settings) {
  const long long now = services.now_seconds();
  nlohmann::json keys = nlohmann::json::array();
  for (const auto alg : {crypto::JwsAlg::ES256, crypto::JwsAlg::RS256}) {
    current_signing_key(services, settings, alg);  // rotates first when due
    const auto stored = services.db->with_session([&](soci::session& sql) { return stored_keys(sql, alg); });
    for (std::size_t i = 0; i < stored.size(); ++i) {
      // An older key stays while tokens it signed before its successor came can still be valid.
      if (i > 0 && stored[i - 1].created_at <= now - settings.id_token_seconds - settings.access_token_seconds)
        break;
      keys.push_back(nlohmann::json::parse(stored[i].public_jwk));
    }
  }
  return {{"keys", keys}};
}

nlohmann::json verify_own_jws(app::Services& services, const std::string& compact) {
  const auto header = crypto::jws_peek_header(compact);
  if (!header.is_object() || !header.contains("kid") || !header["kid"].is_string()) return nullptr;
  const std::string kid = header["kid"].get<std::string>();
  std::string jwk_text;
  services.db->with_session([&](soci::session& sql) {
    sql << "SELECT public_jwk FROM oidc_signing_keys WHERE kid = :kid", soci::into(jwk_text), soci::use(kid);
  });
  if (jwk_text.empty()) return nullptr;
  const auto verified = crypto::jws_verify(compact, nlohmann::json::parse(jwk_text, nullptr, false));
  return verified ? verified->payload : nlohmann::json();
}

}  // namespace uia::flows::oidc
