// `uia admin cases --db URL [--keys FILE] [--overdue] [--as-of TIME] [--format json|csv]`: the
// appeal cases still open (oldest first), or only those past their due time (now, or at --as-of:
// "what will be overdue at 09:00 tomorrow"), for the duty desk: case number,
// kind, state, submitted and due times, hours overdue, who holds it, the masked applicant.
// JSON is one object per line; CSV has a header row (UTF-8, opens in a spreadsheet).
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace uia {

int run_cases_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace uia
