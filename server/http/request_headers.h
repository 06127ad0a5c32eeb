// Reading request headers whether Pistache parsed them into a typed header or kept them raw.
#pragma once
#include <string>
#include <string_view>

#include <pistache/http.h>

namespace uia::http {

// The header's value, or "" when absent.
std::string header_value(const Pistache::Http::Request& request, const std::string& name);
bool accepts_gzip(const Pistache::Http::Request& request);

}  // namespace uia::http
