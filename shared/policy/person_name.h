// Names of natural persons as documents print them: Chinese names (including ethnic-minority
// names joined by the middle dot ·, e.g. 阿依古丽·买买提) and Latin-script foreign names.
#pragma once
#include <string_view>

#include "api/verdict.h"

namespace uia {

// 2-50 characters (code points): CJK ideographs, Latin letters, and the separators · . - ' and
// single inner spaces; no digits, no leading/trailing separators. NameEmpty / NameInvalid.
Verdict check_person_name(std::string_view name);

}  // namespace uia
