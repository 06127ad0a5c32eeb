#include "http/trusted_proxies.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace uia::http {
namespace {

struct Address {
  int family = 0;
  unsigned char bytes[16] = {};
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_address(std::string_view text, Address& out) {
  if (text.empty() || text.size() > 45) return false;
  const std::string copy(text);
  if (inet_pton(AF_INET, copy.c_str(), out.bytes) == 1) {
    out.family = AF_INET;
    return true;
  }
  if (inet_pton(AF_INET6, copy.c_str(), out.bytes) == 1) {
    out.family = AF_INET6;
    return true;
  }
  return false;
}

bool prefix_matches(const unsigned char* a, const unsigned char* b, int bits) {
  const int whole = bits / 8, rest = bits % 8;
  if (std::memcmp(a, b, static_cast<std::size_t>(whole)) != 0) return false;
  if (rest == 0) return true;
  const unsigned char mask = static_cast<unsigned char>(0xff << (8 - rest));
  return (a[whole] & mask) == (b[whole] & mask);
}

}  // namespace

bool TrustedProxies::add(std::string_view entry, std::string& error) {
  entry = trim(entry);
  const auto slash = entry.find('/');
  Address address;
  if (!parse_address(entry.substr(0, slash), address)) {
    error = "trusted_proxies: \"" + std::string(entry) + "\" is not an IP address or CIDR range";
    return false;
  }
  const int max_bits = address.family == AF_INET ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string_view::npos) {
    const std::string_view digits = entry.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (ec != std::errc() || end != digits.data() + digits.size() || bits < 0 || bits > max_bits) {
      error = "trusted_proxies: \"" + std::string(entry) + "\" has a bad prefix length";
      return false;
    }
  }
  Range range{address.family, {}, bits};
  std::memcpy(range.bytes, address.bytes, sizeof range.bytes);
  ranges_.push_back(range);
  return true;
}

bool TrustedProxies::contains(std::string_view text) const {
  Address address;
  if (!parse_address(trim(text), address)) return false;
  for (const Range& range : ranges_) {
    if (range.family == address.family && prefix_matches(range.bytes, address.bytes, range.prefix_bits)) return true;
  }
  return false;
}

std::string TrustedProxies::client_of(const std::string& peer, std::string_view forwarded_for) const {
  if (!contains(peer)) return peer;
  std::string client = peer;
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const std::string_view hop = trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    Address address;
    if (!parse_address(hop, address)) break;  // garbage: keep the last address a trusted hop vouched for
    client = std::string(hop);
    if (!contains(hop)) break;
  }
  return client;
}

}  // namespace uia::http
