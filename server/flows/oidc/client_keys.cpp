#include "flows/oidc/client_keys.h"

#include <set>
#include <vector>

#include "crypto/jose.h"

namespace uia::flows::oidc {
namespace {

bool printable_kid(const std::string& kid) {
  if (kid.empty() || kid.size() > kMaxKidLength) return false;
  for (unsigned char c : kid)
    if (c < 0x21 || c > 0x7e) return false;
  return true;
}

// One key in normal form; null json when it does not qualify.
nlohmann::json normalized_key(const nlohmann::json& jwk) {
  if (!jwk.is_object()) return nullptr;
  const std::string kty = jwk.value("kty", "");
  std::optional<crypto::JwsAlg> alg;
  if (kty == "EC") alg = crypto::JwsAlg::ES256;
  else if (kty == "RSA") alg = crypto::JwsAlg::RS256;
  else return nullptr;
  if (const auto it = jwk.find("alg"); it != jwk.end()) {
    if (!it->is_string() || it->get<std::string>() != crypto::jws_alg_name(*alg)) return nullptr;
  }
  if (const auto it = jwk.find("use"); it != jwk.end() && (!it->is_string() || it->get<std::string>() != "sig"))
    return nullptr;
  if (!crypto::public_jwk_fits(jwk, *alg)) return nullptr;
  nlohmann::json out = {{"kty", kty}, {"alg", crypto::jws_alg_name(*alg)}, {"use", "sig"}};
  static const std::vector<const char*> kEcMembers = {"crv", "x", "y"}, kRsaMembers = {"n", "e"};
  for (const char* member : kty == "EC" ? kEcMembers : kRsaMembers) out[member] = jwk[member];
  if (const auto it = jwk.find("kid"); it != jwk.end()) {
    if (!it->is_string() || !printable_kid(it->get<std::string>())) return nullptr;
    out["kid"] = *it;
  }
  return out;
}

}  // namespace

std::optional<nlohmann::json> normalized_client_jwks(const nlohmann::json& jwks) {
  if (!jwks.is_object()) return std::nullopt;
  const auto keys = jwks.find("keys");
  if (keys == jwks.end() || !keys->is_array() || keys->empty() || keys->size() > kMaxClientKeys) return std::nullopt;
  nlohmann::json out = nlohmann::json::array();
  std::set<std::string> kids;
  for (const auto& jwk : *keys) {
    nlohmann::json key = normalized_key(jwk);
    if (key.is_null()) return std::nullopt;
    // With several keys an assertion must say which one signed it.
    if (!key.contains("kid")) {
      if (keys->size() > 1) return std::nullopt;
    } else if (!kids.insert(key["kid"].get<std::string>()).second) {
      return std::nullopt;
    }
    out.push_back(std::move(key));
  }
  return nlohmann::json{{"keys", out}};
}

nlohmann::json client_key_for(const nlohmann::json& jwks, const nlohmann::json& header) {
  if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array() || !header.is_object()) return nullptr;
  const auto& keys = jwks["keys"];
  const auto kid = header.find("kid");
  // The only key, registered without a kid, whatever the header names (libraries add kids).
  if (keys.size() == 1 && (kid == header.end() || !keys[0].contains("kid"))) return keys[0];
  if (kid == header.end()) return nullptr;
  if (!kid->is_string()) return nullptr;
  for (const auto& key : keys)
    if (key.value("kid", "") == kid->get<std::string>()) return key;
  return nullptr;
}

}  // namespace uia::flows::oidc
