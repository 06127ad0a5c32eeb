// uia_validate_json(kind, value): the browser side of the validation parity test. The page calls
//   Module.ccall('uia_validate_json', 'string', ['string', 'string'], [kind, value])
// and must get byte for byte what `uia validate KIND VALUE` prints natively: both go through
// uia::validate_value and uia::verdict_json from shared/.
#include <emscripten.h>

#include <string>

#include "api/validate.h"
#include "js_bridge.h"

extern "C" EMSCRIPTEN_KEEPALIVE const char* uia_validate_json(const char* kind, const char* value) {
  static std::string result;  // valid until the next call; ccall copies it into a JS string
  const uia::Date today = uia::web::js::today();
  auto k = uia::value_kind_from_name(kind ? kind : "");
  if (!k) {
    result = uia::verdict_json(uia::Verdict::fail(uia::ErrorCode::KindUnknown));
  } else {
    result = uia::verdict_json(uia::validate_value(*k, value ? value : "", today));
  }
  return result.c_str();
}
