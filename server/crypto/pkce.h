// PKCE (RFC 7636 §4.2): the S256 code challenge of a code verifier, BASE64URL(SHA-256(verifier))
// without padding. One definition for both sides of the platform: the OIDC provider checking a
// business system's verifier at its token endpoint, and the upstream sign-in sending its own.
#pragma once
#include <string>
#include <string_view>

namespace uia::crypto {

std::string pkce_s256(std::string_view code_verifier);

}  // namespace uia::crypto
