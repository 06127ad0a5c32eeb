// Masking of personal data for display, as the REST contract fixes it:
// phone 150****0058, resident ID 110105********002X (first 6, last 4), name 陈* / 欧阳**.
#pragma once
#include <string>
#include <string_view>

namespace uia {

// All functions are UTF-8 aware and count characters (code points), not bytes. Output is
// always valid UTF-8: a byte that is not part of a well-formed sequence is never copied (it is
// shown as '*' even where it would be kept).

// 11 characters: first 3 + **** + last 4 (15012340058 -> 150****0058); other lengths keep the
// first 2 and last 2 from 5 characters up, and are fully masked below that.
std::string mask_phone(std::string_view phone);
// 18 characters: first 6 + 8 '*' + last 4 (11010519491231002X -> 110105********002X);
// 15: first 4 + last 3; 8-11 (passports, permits): first 1 + last 2; 5-7: first 1 + last 1;
// up to 4: all '*'; any other length: first 3 + last 3. Except for the 18-character resident
// ID (whose mask is fixed by the REST contract), at most half of the characters are shown.
std::string mask_id_number(std::string_view number);
// One character: "*"; 2-3 characters keep the first (陈*, 张**); 4 or more keep the first two
// (欧阳**). A name with spaces (Latin script) keeps the first letter of each word and the
// spaces ("John Smith" -> "J*** S****").
std::string mask_name(std::string_view name);
// First character of the local part + "***" + "@domain" (zhangsan@example.com ->
// z***@example.com). Without '@' the value is masked like an unknown phone number.
std::string mask_email(std::string_view email);

}  // namespace uia
