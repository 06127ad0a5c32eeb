// Where a real adapter may send personal data: the rules every configured endpoint is held to
// (port_config's "ports" section, the "upstream" identity providers), and the same rule for the
// URLs a business system registers with the OIDC provider (flows/oidc/admin_clients.cpp:
// redirect and back-channel logout URIs), so there is one definition of "loopback".
#pragma once
#include <string>

namespace uia::ports {

// https://..., or http:// to a loopback host (127.0.0.1, localhost, [::1], with any port; a
// local sidecar that terminates TLS, a native app's listener): what production accepts, so
// names and ID numbers never cross a network in clear text. An http:// URL with user
// information ("http://127.0.0.1:1@elsewhere/") is not loopback: the host is after the '@'.
bool url_is_protected(const std::string& url);
// http:// or https:// with something after the scheme: what dev mode accepts.
bool url_looks_valid(const std::string& url);
// The authority of an http(s) URL: between "://" and the first '/', '?' or '#' ("" if none).
std::string url_authority(const std::string& url);

}  // namespace uia::ports
