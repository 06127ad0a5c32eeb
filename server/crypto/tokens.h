// Secrets handed to clients: session tokens, CSRF tokens, captcha ids, SMS codes.
#pragma once
#include <cstddef>
#include <string>

#include "ports/random.h"

namespace uia::crypto {

// `bytes` random bytes as unpadded base64url.
std::string random_token(ports::Random& random, std::size_t bytes);
// `count` decimal digits, leading zeros allowed.
std::string random_digits(ports::Random& random, int count);

}  // namespace uia::crypto
