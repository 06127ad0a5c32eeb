// `uia migrate --db URL`: applies the embedded sql/ migrations that the database lacks.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace uia {

int run_migrate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace uia
