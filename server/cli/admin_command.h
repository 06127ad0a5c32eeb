// `uia admin add --db URL --username NAME --role reviewer[,auditor]`: creates a back-office
// staff account. The password is read from standard input (one line; typed or piped, never a
// command-line argument, where `ps` and shell history would show it); when standard input is
// empty, or with --generate-password, a strong one is generated and printed once.
// Staff passwords: 12-128 printable ASCII characters without spaces, at least three of lower
// case, upper case, digits and symbols. Prints {"staff_id","username","roles"} as JSON.
// `uia admin disable --db URL --username NAME`: the account can no longer sign in, and its
// open sessions end at once (they are revoked, and every request checks the account's status).
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace uia {

int run_admin_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace uia
