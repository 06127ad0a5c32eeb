// `uia validate KIND VALUE`: prints the shared rules' verdict as one JSON line; exit 0 if
// valid, 1 if not, 2 on usage errors.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "ports/clock.h"

namespace uia {

int run_validate_command(const std::vector<std::string>& args, const Clock& clock, std::ostream& out,
                         std::ostream& err);

}  // namespace uia
