#include "flows/oidc/client_assertion.h"

#include <cmath>

#include <soci/soci.h>

#include "crypto/jose.h"
#include "crypto/tokens.h"
#include "flows/oidc/client_keys.h"
#include "flows/oidc/expiry_sweep.h"

namespace uia::flows::oidc {
namespace {

constexpr std::size_t kMaxJtiLength = 256;

// A NumericDate (RFC 7519 §2): a JSON number of seconds; nullopt when absent or not a number.
std::optional<long long> numeric_date(const nlohmann::json& claims, const char* name) {
  const auto it = claims.find(name);
  if (it == claims.end() || !it->is_number()) return std::nullopt;
  const double value = it->get<double>();
  if (!std::isfinite(value) || std::fabs(value) > 1e15) return std::nullopt;
  return static_cast<long long>(std::floor(value));
}

bool audience_is_us(const nlohmann::json& aud, const std::string& issuer) {
  const auto ours = [&](const nlohmann::json& value) {
    return value.is_string() && (value.get<std::string>() == issuer || value.get<std::string>() == issuer + "/oidc/token");
  };
  if (aud.is_string()) return ours(aud);
  if (!aud.is_array()) return false;
  for (const auto& item : aud)
    if (ours(item)) return true;
  return false;
}

std::string jti_key(const std::string& client_id, const std::string& jti) {
  return crypto::token_hash("oidc.client_assertion." + client_id + "\n" + jti);
}

bool jti_seen(soci::session& sql, const std::string& key) {
  long long seen = 0;
  sql << "SELECT COUNT(*) FROM oidc_client_assertions WHERE jti_hash = :h", soci::into(seen), soci::use(key);
  return seen > 0;
}

}  // namespace

std::string assertion_client_id(std::string_view assertion) {
  if (assertion.empty() || assertion.size() > kMaxAssertionLength) return {};
  const nlohmann::json payload = crypto::jws_peek_payload(assertion);
  if (!payload.is_object() || !payload.contains("iss") || !payload["iss"].is_string()) return {};
  return payload["iss"].get<std::string>();
}

AssertionCheck check_client_assertion(const store::OidcClient& client, std::string_view assertion, const std::string& issuer,
                                      long long now) {
  AssertionCheck out;
  const auto fail = [&](const char* why) {
    out.failure = why;
    return out;
  };
  if (assertion.empty() || assertion.size() > kMaxAssertionLength) return fail("malformed");
  const nlohmann::json header = crypto::jws_peek_header(assertion);
  // Only our two asymmetric algorithms: "none" proves nothing, HS* would need a shared secret.
  if (!header.is_object() || !header.contains("alg") || !header["alg"].is_string() ||
      !crypto::jws_alg_from_name(header["alg"].get<std::string>()))
    return fail("alg_refused");
  const nlohmann::json jwks = nlohmann::json::parse(client.jwks.value_or(""), nullptr, false);
  const nlohmann::json key = client_key_for(jwks, header);
  if (key.is_null()) return fail("unknown_kid");
  const auto verified = crypto::jws_verify(assertion, key);
  if (!verified) return fail("bad_signature");
  const nlohmann::json& claims = verified->payload;
  if (claims.value("iss", nlohmann::json()) != client.client_id || claims.value("sub", nlohmann::json()) != client.client_id)
    return fail("iss_sub_mismatch");
  if (!claims.contains("aud") || !audience_is_us(claims["aud"], issuer)) return fail("wrong_audience");
  const auto exp = numeric_date(claims, "exp");
  if (!exp) return fail("exp_missing");
  if (*exp <= now) return fail("expired");
  if (*exp > now + kMaxAssertionSeconds + kAssertionClockSkew) return fail("lifetime_too_long");
  if (claims.contains("iat")) {
    const auto iat = numeric_date(claims, "iat");
    if (!iat || *iat > now + kAssertionClockSkew || *iat >= *exp || *exp - *iat > kMaxAssertionSeconds + kAssertionClockSkew)
      return fail("iat_insane");
  }
  if (claims.contains("nbf")) {
    const auto nbf = numeric_date(claims, "nbf");
    if (!nbf || *nbf > now + kAssertionClockSkew) return fail("not_yet_valid");
  }
  const auto jti = claims.find("jti");
  if (jti == claims.end() || !jti->is_string() || jti->get<std::string>().empty() || jti->get<std::string>().size() > kMaxJtiLength)
    return fail("jti_missing");
  out.jti = jti->get<std::string>();
  out.expires_at = *exp;
  return out;
}

bool use_assertion_once(app::Services& services, const std::string& client_id, const std::string& jti, long long expires_at,
                        long long now) {
  const std::string key = jti_key(client_id, jti);
  try {
    return services.db->transact([&](soci::session& sql) {
      sweep_expired_assertions(sql, now);
      if (jti_seen(sql, key)) return false;
      sql << "INSERT INTO oidc_client_assertions (jti_hash, client_id, created_at, expires_at) VALUES (:h, :c, :at, :exp)",
          soci::use(key), soci::use(client_id), soci::use(now), soci::use(expires_at);
      return true;
    });
  } catch (const soci::soci_error&) {
    // Two uses of one jti at the same moment: the second insert breaks the primary key. Only
    // a jti now on record is that race; anything else is a real database failure.
    const bool raced = services.db->with_session([&](soci::session& sql) { return jti_seen(sql, key); });
    if (raced) return false;
    throw;
  }
}

}  // namespace uia::flows::oidc
