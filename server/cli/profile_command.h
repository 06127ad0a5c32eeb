// `uia profile show NAME [--config FILE]`: the resolved province profile as JSON (the same bytes
// GET /api/v1/profile sends); `uia profile list`: the built-in names; `uia profile fields`: every
// field with its meaning.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace uia {

int run_profile_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace uia
