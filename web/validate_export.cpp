// uia_validate_json(kind, value, profile): the browser side of the validation parity test. The
// page calls
//   Module.ccall('uia_validate_json', 'string', ['string', 'string', 'string'], [kind, value, profile])
// and must get byte for byte what `uia validate --profile PROFILE KIND VALUE` prints natively and
// POST /api/v1/validate answers on a server run with that profile: all go through
// uia::validate_value and uia::verdict_json from shared/, under the same built-in profile.
#include <emscripten.h>

#include <string>

#include "api/validate.h"
#include "js_bridge.h"

extern "C" EMSCRIPTEN_KEEPALIVE const char* uia_validate_json(const char* kind, const char* value,
                                                              const char* profile_name) {
  static std::string result;  // valid until the next call; ccall copies it into a JS string
  const uia::Date today = uia::web::js::today();
  const auto k = uia::value_kind_from_name(kind ? kind : "");
  const auto profile = uia::builtin_profile(profile_name && *profile_name ? profile_name : uia::kDefaultProfileName);
  if (!k || !profile) {
    result = uia::verdict_json(uia::Verdict::fail(uia::ErrorCode::KindUnknown));
  } else {
    result = uia::verdict_json(uia::validate_value(*k, value ? value : "", today, *profile));
  }
  return result.c_str();
}
