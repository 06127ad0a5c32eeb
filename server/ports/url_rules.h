// Where a real adapter may send personal data: the rules every configured endpoint is held to
// (port_config's "ports" section, the "upstream" identity providers).
#pragma once
#include <string>

namespace uia::ports {

// https://..., or http:// to a loopback host (a local sidecar that terminates TLS): what
// production accepts, so names and ID numbers never cross a network in clear text.
bool url_is_protected(const std::string& url);
// http:// or https:// with something after the scheme: what dev mode accepts.
bool url_looks_valid(const std::string& url);

}  // namespace uia::ports
