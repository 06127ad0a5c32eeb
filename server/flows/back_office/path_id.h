// A numeric id from the path ("/persons/{id}/..."): digits only, nullopt otherwise, so
// "12abc", "-1" or a 40-digit number never reach the database.
#pragma once
#include <optional>

#include "http/api.h"

namespace uia::flows {

inline std::optional<long long> path_id(const http::ApiRequest& request, const char* name) {
  const auto it = request.params.find(name);
  if (it == request.params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
  long long value = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace uia::flows
