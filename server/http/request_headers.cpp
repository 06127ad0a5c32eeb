#include "http/request_headers.h"

#include <sstream>

namespace uia::http {

std::string header_value(const Pistache::Http::Request& request, const std::string& name) {
  const auto& headers = request.headers();
  if (auto raw = headers.tryGetRaw(name)) return raw->value();
  if (auto typed = headers.tryGet(name)) {
    std::ostringstream value;
    typed->write(value);
    return value.str();
  }
  return {};
}

bool accepts_gzip(const Pistache::Http::Request& request) {
  return header_value(request, "Accept-Encoding").find("gzip") != std::string::npos;
}

}  // namespace uia::http
