// A deliberately small HTTP/1.1 client over a raw socket, so tests can also send what real
// clients never would (bad framing, huge bodies) and see exactly what comes back.
#pragma once
#include <map>
#include <string>

namespace uia::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; several Set-Cookie: one a line
  std::string body;
};

// Sends `request` verbatim to 127.0.0.1:port and reads one response (Content-Length framed, or
// until the peer closes). status 0 when the connection failed.
RawResponse send_raw(int port, const std::string& request, int timeout_ms = 5000);
RawResponse http_get(int port, const std::string& path, const std::string& extra_headers = "");
RawResponse http_post_json(int port, const std::string& path, const std::string& json);

}  // namespace uia::testing
