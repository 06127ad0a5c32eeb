#include "cli/validate_command.h"

#include <ostream>

#include "api/validate.h"

namespace uia {

int run_validate_command(const std::vector<std::string>& args, const Clock& clock, std::ostream& out,
                         std::ostream& err) {
  if (args.size() != 2) {
    err << "usage: uia validate KIND VALUE\n"
           "KIND: resident-id, uscc, phone, account, password, hk-macau-permit, taiwan-permit,\n"
           "      passport, foreign-permanent-id, email\n";
    return 2;
  }
  const auto kind = value_kind_from_name(args[0]);
  if (!kind) {
    out << verdict_json(Verdict::fail(ErrorCode::KindUnknown)) << '\n';
    return 2;
  }
  const Verdict verdict = validate_value(*kind, args[1], clock.today());
  out << verdict_json(verdict) << '\n';
  return verdict.ok() ? 0 : 1;
}

}  // namespace uia
