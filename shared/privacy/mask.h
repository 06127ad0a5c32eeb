// Masking of personal data for display, as the REST contract fixes it:
// phone 150****0058, resident ID 110105********002X (first 6, last 4), name 陈* / 欧阳**.
#pragma once
#include <string>
#include <string_view>

namespace uia {

std::string mask_phone(std::string_view phone);
// Keeps the first 6 and last 4 characters of 18-character numbers; for other documents keeps
// the first 1-2 and last 2-4 depending on length (never reveals more than half).
std::string mask_id_number(std::string_view number);
// UTF-8 aware: keeps the first character of a 2-3 character name (陈*), the first two of a
// 4+ character name (欧阳**); Latin names keep the first letter of each word.
std::string mask_name(std::string_view name);
std::string mask_email(std::string_view email);

}  // namespace uia
