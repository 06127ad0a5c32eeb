// Identity documents other than the resident ID card.
#pragma once
#include <string>
#include <string_view>

#include "api/verdict.h"
#include "policy/date.h"

namespace uia {

// Document numbers are compared in upper case (a resident ID's check character is typed as x or
// X): the one normalisation every lookup by document number uses.
std::string normalize_document_number(std::string_view number);

// 港澳居民来往内地通行证 (home-return permit): H or M + 8 digits (+ optional 2-digit issue count),
// e.g. H12345678 / M1234567801.
Verdict check_hk_macau_permit(std::string_view number);
// 台湾居民来往大陆通行证 (台胞证): 8 digits (+ optional 2-digit issue count), or the older
// 10-character form with a letter prefix and a trailing letter in parentheses is not accepted.
Verdict check_taiwan_permit(std::string_view number);
// Passport: Chinese (E/G/D/S/P + 8 digits, or E + letter + 7 digits) and foreign passports
// (5-17 letters/digits, at least one digit). Upper case only.
Verdict check_passport(std::string_view number);
// True for the Chinese passport forms: E + 8 digits, E + letter (not I/O) + 7 digits,
// G/D/S/P + 8 digits, G/D/S/P + optional E + 7 digits.
bool is_chinese_passport(std::string_view number);
// 外国人永久居留身份证: old format (2004) 15 characters = 3-letter ISO nationality + 12 digits
// (province-level code first, a YYMMDD birth date, sequence and check digit; the layout of the
// 12 digits is described inconsistently in public sources and the old check algorithm is not
// published, so the structure is checked: a real province code in digits 4-5 and a plausible
// YYMMDD birth date at digits 6-11 or 8-13). 2023 format 18 characters starting with 9 =
// '9' + 2-digit province + 3-digit nationality code + 8-digit birth date (real, not after
// `today`) + 3-digit sequence + MOD 11-2 check character exactly like the resident ID.
Verdict check_foreign_permanent_id(std::string_view number, Date today);

}  // namespace uia
