// The two OIDC errors the shared catalogue does not have yet, in the contract's envelope
// ({"error": {"code", "message" (zh-CN), "field"}}). Kept here so the branch did not touch
// shared/api/error_code.h (every file depends on it); move them into the catalogue's OIDC block
// when merging, then this file goes.
#pragma once
#include <string_view>

#include "http/api.h"

namespace uia::flows::oidc {

// 400 REDIRECT_URI_INVALID: https, or http on loopback, without a fragment.
http::ApiResponse redirect_uri_invalid(std::string_view field);
// 403 LEVEL_TOO_LOW: the person's real-name level is below what the business system demands.
http::ApiResponse level_too_low();

}  // namespace uia::flows::oidc
