// Secrets handed to clients: session tokens, CSRF tokens, captcha ids, SMS codes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "ports/random.h"

namespace uia::crypto {

// `bytes` random bytes as unpadded base64url.
std::string random_token(ports::Random& random, std::size_t bytes);
// `count` decimal digits, leading zeros allowed.
std::string random_digits(ports::Random& random, int count);
// Lower-case hex SHA-256 of a bearer secret: what is stored in place of the token itself, so a
// copy of the database lets nobody act as the token's holder.
std::string token_hash(std::string_view token);

}  // namespace uia::crypto
