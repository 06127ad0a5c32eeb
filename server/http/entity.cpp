#include "http/entity.h"

#include <sstream>

#include <pistache/peer.h>

#include "http/response_headers.h"

namespace uia::http {
namespace {
using namespace Pistache;

// The mark travels with the response's headers (a response carries nothing else from the router
// to the code that sends it) and is taken off before anything is written.
constexpr const char* kHeadOnly = "X-Uia-Head-Only";

void send_head(Http::ResponseWriter& response, Http::Code status, std::size_t content_length) {
  std::ostringstream head;
  head << "HTTP/1.1 " << static_cast<int>(status) << ' ' << status << "\r\n";
  for (const auto& header : response.headers().list()) {
    head << header->name() << ": ";
    header->write(head);
    head << "\r\n";
  }
  for (const auto& cookie : response.cookies()) head << "Set-Cookie: " << cookie << "\r\n";
  head << "Content-Length: " << content_length << "\r\n\r\n";
  const std::string bytes = std::move(head).str();
  if (auto peer = response.getPeer()) peer->send(RawBuffer(bytes, bytes.size()));
}

}  // namespace

void mark_head_only(Http::ResponseWriter& response) { set_header(response, kHeadOnly, "1"); }

bool is_head_only(const Http::ResponseWriter& response) { return response.headers().tryGet(kHeadOnly) != nullptr; }

void send_entity(Http::ResponseWriter& response, Http::Code status, std::string_view body, std::string_view content_type) {
  const bool head_only = is_head_only(response);
  if (head_only) response.headers().remove(kHeadOnly);
  if (!content_type.empty()) set_header(response, "Content-Type", std::string(content_type));
  if (head_only) {
    send_head(response, status, body.size());
    return;
  }
  response.send(status, body.data(), body.size());
}

}  // namespace uia::http
