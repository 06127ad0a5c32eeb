// Checks an upstream provider's ID token (OpenID Connect Core §3.1.3.7): signature against the
// provider's key, iss, aud (and azp when there are several audiences), exp/iat with a little
// leeway for clock skew, the nonce of this login, and a subject. Pure: the caller finds the key.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace uia::flows::upstream {

enum class IdTokenProblem { None, Malformed, UnknownKey, BadSignature, WrongIssuer, WrongAudience, Expired, NonceMismatch, NoSubject };
std::string_view problem_name(IdTokenProblem problem);  // "bad_signature", ... for the audit trail

struct IdTokenExpectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  long long now = 0;
  long long leeway_seconds = 60;
};

struct CheckedIdToken {
  IdTokenProblem problem = IdTokenProblem::Malformed;
  nlohmann::json claims;  // the payload, only when problem is None
};

// `jwk`: the provider's public key named by the token's "kid" (null json when it has none).
CheckedIdToken check_id_token(std::string_view token, const nlohmann::json& jwk, const IdTokenExpectations& expected);

}  // namespace uia::flows::upstream
