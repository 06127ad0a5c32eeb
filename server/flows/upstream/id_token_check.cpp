#include "flows/upstream/id_token_check.h"

#include <optional>

#include "crypto/jose.h"

namespace uia::flows::upstream {

std::string_view problem_name(IdTokenProblem problem) {
  switch (problem) {
    case IdTokenProblem::None: return "none";
    case IdTokenProblem::Malformed: return "malformed";
    case IdTokenProblem::UnknownKey: return "unknown_key";
    case IdTokenProblem::BadSignature: return "bad_signature";
    case IdTokenProblem::WrongIssuer: return "wrong_issuer";
    case IdTokenProblem::WrongAudience: return "wrong_audience";
    case IdTokenProblem::Expired: return "expired";
    case IdTokenProblem::NonceMismatch: return "nonce_mismatch";
    case IdTokenProblem::NoSubject: return "no_subject";
  }
  return "unknown";
}

CheckedIdToken check_id_token(std::string_view token, const nlohmann::json& jwk, const IdTokenExpectations& expected) {
  CheckedIdToken out;
  if (!crypto::jws_peek_header(token).is_object()) return out;  // Malformed
  if (!jwk.is_object()) {
    out.problem = IdTokenProblem::UnknownKey;
    return out;
  }
  const auto verified = crypto::jws_verify(token, jwk);
  if (!verified) {
    out.problem = IdTokenProblem::BadSignature;
    return out;
  }
  const nlohmann::json& claims = verified->payload;
  if (!claims.is_object()) return out;  // Malformed
  const auto text = [&](const char* name) {
    const auto it = claims.find(name);
    return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto number = [&](const char* name) -> std::optional<long long> {
    const auto it = claims.find(name);
    if (it == claims.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<long long>();
  };
  out.problem = IdTokenProblem::WrongIssuer;
  if (text("iss") != expected.issuer) return out;

  out.problem = IdTokenProblem::WrongAudience;
  const auto aud = claims.find("aud");
  if (aud == claims.end()) return out;
  if (aud->is_string()) {
    if (aud->get<std::string>() != expected.client_id) return out;
  } else if (aud->is_array()) {
    bool ours = false;
    for (const auto& a : *aud) ours = ours || (a.is_string() && a.get<std::string>() == expected.client_id);
    // Several audiences: the token must say it was issued to us (azp).
    if (!ours || (aud->size() > 1 && text("azp") != expected.client_id)) return out;
  } else {
    return out;
  }
  if (claims.contains("azp") && text("azp") != expected.client_id) return out;

  out.problem = IdTokenProblem::Expired;
  const auto exp = number("exp");
  if (!exp || *exp + expected.leeway_seconds <= expected.now) return out;
  if (const auto iat = number("iat"); iat && *iat > expected.now + expected.leeway_seconds) return out;

  out.problem = IdTokenProblem::NonceMismatch;
  if (expected.nonce.empty() || text("nonce") != expected.nonce) return out;

  out.problem = IdTokenProblem::NoSubject;
  if (text("sub").empty() || text("sub").size() > 255) return out;

  out.problem = IdTokenProblem::None;
  out.claims = claims;
  return out;
}

}  // namespace uia::flows::upstream
