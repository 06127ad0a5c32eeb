// Where an upstream sign-in may send the browser once it is signed in: a path on this site
// only (e.g. back to a business system's pending request, "/#/consent?oidc=..."), so the
// login route cannot be turned into an open redirect to somewhere else.
#pragma once
#include <cstddef>
#include <string_view>

namespace uia::flows::upstream {

constexpr std::size_t kReturnTargetMaxLength = 512;

// True for a same-origin relative target: starts with one "/" (not "//", which a browser
// reads as another host), no backslash (some browsers read "/\" as "//"), printable ASCII
// only (no spaces, no control characters), at most kReturnTargetMaxLength characters.
bool is_safe_return_target(std::string_view target);

}  // namespace uia::flows::upstream
