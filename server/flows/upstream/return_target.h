// Where an upstream sign-in may send the browser once it is signed in: a path on this site
// only (e.g. back to a business system's pending request, "/#/consent?oidc=..."), so the
// login route cannot be turned into an open redirect to somewhere else.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace uia::flows::upstream {

constexpr std::size_t kReturnTargetMaxLength = 512;

// True for a same-origin relative target: starts with one "/" (not "//", which a browser
// reads as another host), no backslash (some browsers read "/\" as "//"), printable ASCII
// only (no spaces, no control characters), at most kReturnTargetMaxLength characters.
bool is_safe_return_target(std::string_view target);

// The business system's pending request a return target leads back to: ID of
// "/#/consent?oidc=ID" (base64url, at most 64 characters), else "". A failed upstream sign-in
// goes back to that request's login page (/#/login?oidc=ID&upstream_error=...) instead of
// dropping it.
std::string pending_request_in(std::string_view target);

}  // namespace uia::flows::upstream
