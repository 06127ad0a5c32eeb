// A look at a request's head (request line + headers) before Pistache's parser acts on it.
// Pistache 0.0.5 parses Content-Length with stoull and then reserve()s that many bytes for the
// body: "-1" or "99999999999999" throw (length_error, bad_alloc, out_of_range) and a few GB
// succeed as a huge allocation that a slow client can hold open. The server answers such a
// request before the parser ever sees it.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "api/error_code.h"

namespace uia::http {

struct HeadRefusal {
  int status;  // 400 or 413
  ErrorCode code;
};

// `head` is everything up to and including the CRLF that ends the last header line.
// Refuses: a Content-Length that is not 1-19 digits, more than one Content-Length, a
// Content-Length above `max_body_bytes` (413), and Content-Length together with
// Transfer-Encoding (a request-smuggling shape).
std::optional<HeadRefusal> check_request_head(std::string_view head, std::size_t max_body_bytes);

}  // namespace uia::http
