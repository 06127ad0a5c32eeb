// Times in REST bodies and query strings: RFC 3339 (the contract's "times RFC 3339 UTC").
// The database keeps epoch seconds.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace uia::http {

// "2026-11-25T12:00:00Z".
std::string format_rfc3339(long long epoch_seconds);
// "2026-11-25T12:00:00Z", "...T20:00:00+08:00", "...T12:00:00.250Z" (fraction dropped);
// lower-case 't'/'z' too. nullopt for anything else, including impossible dates.
std::optional<long long> parse_rfc3339(std::string_view text);

}  // namespace uia::http
