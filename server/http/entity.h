// Sending a response's body, and HEAD answered like GET without it (RFC 9110 §9.3.2: the same
// status and headers, Content-Length included). Pistache 0.0.5 always writes Content-Length from
// the body it is handed, so a HEAD answered with send(code, "") claimed an empty page. The router
// serves a HEAD with the path's GET route and marks the response (mark_head_only); every body
// leaves through send_entity, which then writes the head itself and leaves the body out.
#pragma once
#include <string_view>

#include <pistache/http.h>

namespace uia::http {

void mark_head_only(Pistache::Http::ResponseWriter& response);
bool is_head_only(const Pistache::Http::ResponseWriter& response);

// `content_type` empty: whatever Content-Type header the response already carries (or none).
void send_entity(Pistache::Http::ResponseWriter& response, Pistache::Http::Code status, std::string_view body,
                 std::string_view content_type = {});

}  // namespace uia::http
