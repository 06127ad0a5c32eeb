// Access and refresh tokens as sealed references to their family: the family's id, the
// refresh generation they belong to and their lifetime, under a keyed MAC (the blind-index key
// and suite, domain-separated per kind). Nothing per token is stored: a refresh rotates by
// moving the family's generation on (compare-and-set), a rotated refresh token is recognised as
// a reuse by its older generation, and a revoked access token by a generation below the
// family's floor. Like the hashes stored before, a copy of the database lets nobody make a
// token: the key lives in the key file, not in the database.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "crypto/field_cipher.h"

namespace uia::flows::oidc {

enum class BearerKind { Access, Refresh };

struct BearerToken {
  BearerKind kind = BearerKind::Access;
  long long family_id = 0;
  long long generation = 0;  // the family's refresh generation when the token was issued
  long long issued_at = 0;
  long long expires_at = 0;
};

std::string seal_bearer(const crypto::BlindIndex& mac, const BearerToken& token);
// The token's fields when `text` is a token of `kind` sealed with this key; nullopt for
// anything else (another kind, a changed character, a foreign or old-format token).
std::optional<BearerToken> open_bearer(const crypto::BlindIndex& mac, BearerKind kind, std::string_view text);

}  // namespace uia::flows::oidc
