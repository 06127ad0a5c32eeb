// `uia import persons FILE.csv --db URL [--keys FILE] [--report FILE]`: loads accounts from
// another system as pending_activation (their owners activate them later: seed 004/H). Built
// for provincial scale: the file is streamed, rows are validated with the shared rules and
// written in batched transactions, rejected rows go to a report (line number + reason) while the
// rest import, rows already present are skipped so a re-run resumes, and progress (rows,
// rows/s, ETA) is printed as it goes.
//
// CSV columns (header required, UTF-8, comma-separated, no quoted commas):
//   name,id_type,id_number,phone,id_valid_from,id_valid_to
// id_type is resident | hk_macau_permit | taiwan_permit | passport | foreign_permanent_id;
// phone and the validity dates may be empty.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace uia {

int run_import_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace uia
