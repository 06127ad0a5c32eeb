// Why an upstream sign-in failed: the code the callback puts in /#/login?upstream_error=CODE,
// with the zh-CN text the login page shows for it. Kept beside the flow for now: adding them to
// shared/api/error_code.h rebuilds every file of the tree, which this stop could not afford;
// they belong in the catalogue's own commented block at the next full build. The names already
// follow the catalogue's style, and ACCOUNT_NOT_ACTIVE is the catalogue's own code.
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
};

std::string_view upstream_error_name(UpstreamError error);
std::string_view upstream_error_zh(UpstreamError error);

}  // namespace uia::flows::upstream
