// Times on the wire are RFC 3339 in UTC ("2026-11-26T01:02:03Z"); the database keeps epoch
// seconds. One formatter and one parser for every route.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace uia::http {

std::string rfc3339(long long epoch_seconds);
// Accepts "YYYY-MM-DDTHH:MM:SSZ" (UTC only); nullopt for anything else.
std::optional<long long> parse_rfc3339(std::string_view text);

}  // namespace uia::http
