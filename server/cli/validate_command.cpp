#include "cli/validate_command.h"

#include <ostream>

#include "api/validate.h"

namespace uia {

int run_validate_command(const std::vector<std::string>& args, const Clock& clock, std::ostream& out,
                         std::ostream& err) {
  std::vector<std::string> rest = args;
  std::string profile_name(kDefaultProfileName);
  if (rest.size() >= 2 && rest[0] == "--profile") {
    profile_name = rest[1];
    rest.erase(rest.begin(), rest.begin() + 2);
  }
  if (rest.size() != 2) {
    err << "usage: uia validate [--profile jilin|hubei|shandong|hainan|gongshang] KIND VALUE\n"
           "KIND: resident-id, uscc, phone, account, password, hk-macau-permit, taiwan-permit,\n"
           "      passport, foreign-permanent-id, email\n";
    return 2;
  }
  const auto profile = builtin_profile(profile_name);
  if (!profile) {
    err << "uia validate: no built-in profile named '" << profile_name << "'\n";
    return 2;
  }
  const auto kind = value_kind_from_name(rest[0]);
  if (!kind) {
    out << verdict_json(Verdict::fail(ErrorCode::KindUnknown)) << '\n';
    return 2;
  }
  const Verdict verdict = validate_value(*kind, rest[1], clock.today(), *profile);
  out << verdict_json(verdict) << '\n';
  return verdict.ok() ? 0 : 1;
}

}  // namespace uia
