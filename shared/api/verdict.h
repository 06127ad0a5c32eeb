// The result of one rule: pass, or the generic code of the field that failed plus a detail
// code that says why. Both are catalogue entries, so both sides show the same message.
#pragma once
#include <string_view>

#include "api/error_code.h"

namespace uia {

struct Verdict {
  ErrorCode code = ErrorCode::Ok;    // generic, e.g. IdNumberInvalid (the REST "code")
  ErrorCode detail = ErrorCode::Ok;  // precise, e.g. IdNumberCheckDigit (the message shown)

  static constexpr Verdict pass() { return {}; }
  static constexpr Verdict fail(ErrorCode code, ErrorCode detail) { return {code, detail}; }
  static constexpr Verdict fail(ErrorCode code) { return {code, code}; }

  constexpr bool ok() const { return code == ErrorCode::Ok; }
  // The message a person sees: the detail's text when there is one.
  std::string_view message_zh() const { return uia::message_zh(detail); }
  std::string_view message_en() const { return uia::message_en(detail); }
  friend constexpr bool operator==(const Verdict&, const Verdict&) = default;
};

}  // namespace uia
