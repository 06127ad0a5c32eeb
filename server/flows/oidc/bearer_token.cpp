#include "flows/oidc/bearer_token.h"

#include <cstdint>

#include <openssl/crypto.h>

#include "crypto/jose.h"

namespace uia::flows::oidc {
namespace {

// Four big-endian 64-bit fields: family, generation, issued_at, expires_at.
constexpr std::size_t kFields = 4;
constexpr std::size_t kPayloadBytes = kFields * 8;
constexpr std::size_t kMacHexChars = 64;

std::string_view domain_of(BearerKind kind) { return kind == BearerKind::Access ? "oidc.token.access" : "oidc.token.refresh"; }

void put_u64(std::string& out, long long value) {
  const auto v = static_cast<std::uint64_t>(value);
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

long long get_u64(std::string_view in, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[at + i]);
  return static_cast<long long>(v);
}

}  // namespace

std::string seal_bearer(const crypto::BlindIndex& mac, const BearerToken& token) {
  std::string payload;
  payload.reserve(kPayloadBytes);
  put_u64(payload, token.family_id);
  put_u64(payload, token.generation);
  put_u64(payload, token.issued_at);
  put_u64(payload, token.expires_at);
  const std::string body = crypto::base64url_encode(payload);
  return body + "." + mac(domain_of(token.kind), body);
}

std::optional<BearerToken> open_bearer(const crypto::BlindIndex& mac, BearerKind kind, std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos || text.size() - dot - 1 != kMacHexChars) return std::nullopt;
  const std::string_view body = text.substr(0, dot);
  const std::string expected = mac(domain_of(kind), body);
  if (CRYPTO_memcmp(expected.data(), text.data() + dot + 1, kMacHexChars) != 0) return std::nullopt;
  const auto payload = crypto::base64url_decode(body);
  if (!payload || payload->size() != kPayloadBytes) return std::nullopt;
  BearerToken out;
  out.kind = kind;
  out.family_id = get_u64(*payload, 0);
  out.generation = get_u64(*payload, 8);
  out.issued_at = get_u64(*payload, 16);
  out.expires_at = get_u64(*payload, 24);
  return out;
}

}  // namespace uia::flows::oidc
