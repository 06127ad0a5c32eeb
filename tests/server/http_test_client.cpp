#include "http_test_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>

namespace uia::testing {
namespace {

bool parse_head(const std::string& data, RawResponse& out, std::size_t& body_start) {
  const std::size_t end = data.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  body_start = end + 4;
  const std::size_t line_end = data.find("\r\n");
  const std::string status_line = data.substr(0, line_end);
  const std::size_t space = status_line.find(' ');
  out.status = space == std::string::npos ? 0 : std::atoi(status_line.c_str() + space + 1);
  std::size_t pos = line_end + 2;
  while (pos < end) {
    const std::size_t next = data.find("\r\n", pos);
    const std::string line = data.substr(pos, next - pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::size_t value_start = colon + 1;
      while (value_start < line.size() && line[value_start] == ' ') ++value_start;
      // A repeated Set-Cookie (the session and another cookie) keeps every value, one a line.
      auto& value = out.headers[name];
      value = value.empty() || name != "set-cookie" ? line.substr(value_start) : value + "\n" + line.substr(value_start);
    }
    pos = next + 2;
  }
  return true;
}

}  // namespace

RawResponse send_raw(int port, const std::string& request, int timeout_ms) {
  RawResponse out;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return out;
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string data;
  std::size_t body_start = 0;
  bool have_head = false;
  char buffer[65536];
  for (;;) {
    if (!have_head) have_head = parse_head(data, out, body_start);
    if (have_head) {
      const auto length = out.headers.find("content-length");
      if (length != out.headers.end() && data.size() - body_start >= std::stoul(length->second)) break;
      if (out.status == 304 || out.status == 204) break;
    }
    pollfd poll_fd{fd, POLLIN, 0};
    if (::poll(&poll_fd, 1, timeout_ms) <= 0) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (!have_head && !parse_head(data, out, body_start)) return out;
  out.body = data.substr(body_start);
  return out;
}

RawResponse http_get(int port, const std::string& path, const std::string& extra_headers) {
  return send_raw(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n");
}

RawResponse http_post_json(int port, const std::string& path, const std::string& json) {
  return send_raw(port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                            "Content-Length: " + std::to_string(json.size()) + "\r\n\r\n" + json);
}

}  // namespace uia::testing
