// Why an upstream sign-in failed: the code the callback puts in /#/login?upstream_error=CODE,
// with the zh-CN text the login page shows for it. Names and texts are the catalogue's
// (shared/api/error_code.h, the upstream block), so the web client knows them too.
#pragma once
#include <string_view>

namespace uia::flows::upstream {

enum class UpstreamError {
  ProviderUnknown,  // UPSTREAM_PROVIDER_UNKNOWN: no provider of that name is configured
  StateInvalid,     // UPSTREAM_STATE_INVALID: unknown, tampered, replayed or expired state
  Denied,           // UPSTREAM_DENIED: the provider (or the person there) refused
  Unavailable,      // UPSTREAM_UNAVAILABLE: no answer, a timeout, a 5xx, an unreadable answer
  TokenInvalid,     // UPSTREAM_TOKEN_INVALID: the ID token failed a check (signature, iss, aud, exp, nonce)
  NoIdNumber,       // UPSTREAM_NO_ID_NUMBER: the provider released no verified ID number
  AccountNotLinked, // ACCOUNT_NOT_LINKED: nobody here has that ID number
  AccountNotActive, // ACCOUNT_NOT_ACTIVE: the person here cannot sign in yet (face check, review...)
  IssuerMismatch,   // UPSTREAM_ISSUER_MISMATCH: the redirect's `iss` is not the provider's (RFC 9207)
  AccountFrozen,    // ACCOUNT_FROZEN: staff froze the account here
};

std::string_view upstream_error_name(UpstreamError error);
std::string_view upstream_error_zh(UpstreamError error);

}  // namespace uia::flows::upstream
