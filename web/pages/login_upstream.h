// 其他登录方式 on the login page (seeds 000/003: sign in with the 国家政务服务平台 account): one
// button per upstream platform the server lists (GET /api/v1/upstream/providers), named
// "<display name>登录", e.g. "国家政务服务平台登录". Pressing one leaves the page (a top-level
// navigation to the provider's login_url); the platform sends the browser back signed in, or
// to /#/login?upstream_error=CODE, whose catalogue text the login page shows as an alert.
#pragma once
#include <string>
#include <vector>

#include "pages/page.h"

namespace uia::web {

struct UpstreamProviderButton {
  std::string name;          // "national"
  std::string display_name;  // "国家政务服务平台"
  std::string login_url;     // "/api/v1/upstream/national/login"
};

struct UpstreamLoginState {
  enum class Status { NotAsked, Loading, Ready, Failed };
  Status status = Status::NotAsked;
  // Never disabled once pressed: after the browser's back button (a page restored from the
  // back/forward cache) the buttons must still work; a second press simply starts afresh.
  std::vector<UpstreamProviderButton> providers;
};

struct UpstreamLoginActions {
  int start = -1;  // index into providers: go there
};

// Draws nothing when no provider is configured (or the list could not be read).
void UpstreamLoginPanel(const PageContext& ctx, const UpstreamLoginState& s, UpstreamLoginActions& out);

// The text for an upstream_error code from the address: the catalogue's zh-CN message, or a
// general one for a code this client does not know.
std::string UpstreamErrorMessage(const std::string& code);

}  // namespace uia::web
