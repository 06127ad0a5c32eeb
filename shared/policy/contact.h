// Contact data: mainland mobile numbers, e-mail addresses and postcodes.
#pragma once
#include <string>
#include <string_view>

#include "api/verdict.h"

namespace uia {

// 11 digits, starting 1[3-9] (mainland mobile networks incl. 14x/16x/17x/19x); an optional
// "+86" or "86" prefix is accepted by normalize_phone, not here.
Verdict check_phone(std::string_view phone);
// Removes spaces, tabs and hyphens, then a leading "+86", "0086" or "86" country code when
// exactly 11 characters follow it ("+86 150-1234-0058" -> "15012340058"). The result is not
// validated: pass it to check_phone.
std::string normalize_phone(std::string_view phone);
// Practical RFC 5321/5322 subset: local@domain, lengths bounded, domain with a dot and a TLD.
Verdict check_email(std::string_view email);
// 邮政编码: exactly 6 ASCII digits (POSTCODE_INVALID otherwise, also when empty: a form whose
// postcode is optional checks it only when one is given).
Verdict check_postcode(std::string_view postcode);

}  // namespace uia
