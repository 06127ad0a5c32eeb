// Unified social credit code, GB 32100-2015: registration authority (1) + organisation type (1)
// + region code (6) + organisation code (9, GB 11714 with its own MOD 11 check) + check (1,
// MOD 31). Alphabet: 0-9 and A-Z without I, O, Z, S, V.
#pragma once
#include <string_view>

#include "api/verdict.h"

namespace uia {

// The MOD 31 check character for the first 17 characters; '?' if any is outside the alphabet.
char uscc_check_char(std::string_view first17);
// The GB 11714 check character (0-9 or X) for an 8-character organisation code body; '?' if invalid.
char org_code_check_char(std::string_view first8);
// Checks, in order: empty, length 18, characters (upper case only: lower case is rejected, not
// folded), registration authority + organisation type (GB 32100 Appendix A table, see uscc.cpp),
// region (a GB/T 2260 province, or 100000 for central-level registrations), the GB 11714 check
// of positions 9-17, the MOD 31 check character.
Verdict check_uscc(std::string_view code);

}  // namespace uia
