#include "cli/admin_command.h"

#include <soci/soci.h>

#include <chrono>
#include <istream>
#include <ostream>

#include "cli/cases_command.h"
#include "crypto/password_hasher.h"
#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "ports/random.h"
#include "store/database.h"
#include "store/staff_repository.h"

namespace uia {
namespace {

constexpr const char* kUsage =
    "usage: uia admin add --db URL --username NAME --role auditor|reviewer|admin[,...] [--generate-password]\n"
    "       uia admin disable --db URL --username NAME\n"
    "       uia admin cases --db URL [--keys FILE] [--overdue] [--as-of RFC3339] [--format json|csv]\n";

bool strong_staff_password(const std::string& password) {
  if (password.size() < 12 || password.size() > 128) return false;
  bool lower = false, upper = false, digit = false, symbol = false;
  for (char c : password) {
    if (c <= ' ' || c > '~') return false;
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else symbol = true;
  }
  return lower + upper + digit + symbol >= 3;
}

// 24 characters of base64url (144 random bits) plus a fixed tail that guarantees the classes.
std::string generate_password() {
  return crypto::random_token(ports::SystemRandom::instance(), 18) + "-Aa1";
}

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int disable_staff(const std::string& db_url, const std::string& username, std::ostream& out, std::ostream& err) {
  try {
    auto db = store::Database::open(db_url, 1);
    const store::StaffRepository repository;
    const long long now = now_seconds();
    const bool found = db->transact([&](soci::session& sql) {
      const auto staff = repository.find_by_username(sql, username);
      if (!staff) return false;
      repository.update_status(sql, staff->id, "disabled", now);
      sql << "UPDATE staff_sessions SET revoked_at = :now WHERE staff_id = :id AND revoked_at IS NULL", soci::use(now),
          soci::use(staff->id);
      flows::record_audit(sql, now, {"system", "staff.disable", "staff:" + std::to_string(staff->id), "", "ok", username});
      return true;
    });
    if (!found) {
      err << "uia admin: no staff account " << username << '\n';
      return 1;
    }
    out << "{\"username\":\"" << username << "\",\"status\":\"disabled\"}\n";
    return 0;
  } catch (const std::exception& e) {
    err << "uia admin: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace

int run_admin_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  if (!args.empty() && args[0] == "cases") return run_cases_command(args, out, err);
  std::string db_url, username, roles_text;
  bool generate = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--db" && has_value) db_url = args[++i];
    else if (args[i] == "--username" && has_value) username = args[++i];
    else if (args[i] == "--role" && has_value) roles_text = args[++i];
    else if (args[i] == "--generate-password") generate = true;
    else {
      err << "uia admin: unexpected argument " << args[i] << '\n' << kUsage;
      return 2;
    }
  }
  for (char& c : username) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!args.empty() && args[0] == "disable" && !db_url.empty() && !username.empty() && roles_text.empty() && !generate)
    return disable_staff(db_url, username, out, err);
  if (args.empty() || args[0] != "add" || db_url.empty() || username.empty() || roles_text.empty()) {
    err << kUsage;
    return 2;
  }
  if (!store::valid_staff_username(username)) {
    err << "uia admin: the username must be 3-32 characters: a letter, then letters, digits, '.', '_' or '-'\n";
    return 2;
  }
  const auto roles = store::parse_staff_roles(roles_text);
  if (!roles) {
    err << "uia admin: --role takes auditor, reviewer and/or admin, comma-separated, each once\n";
    return 2;
  }
  std::string password;
  if (!generate) {
    std::getline(in, password);
    while (!password.empty() && (password.back() == '\r' || password.back() == '\n')) password.pop_back();
    generate = password.empty();
  }
  if (generate) password = generate_password();
  if (!strong_staff_password(password)) {
    err << "uia admin: the password must be 12-128 printable characters without spaces, with at least three of "
           "lower case, upper case, digits and symbols\n";
    return 2;
  }
  try {
    auto db = store::Database::open(db_url, 1);
    const crypto::PasswordHasher hasher;
    store::Staff staff;
    staff.username = username;
    staff.password_hash = hasher.hash(password);
    staff.roles = *roles;
    staff.created_at = staff.updated_at = now_seconds();
    const store::StaffRepository repository;
    const long long id = db->transact([&](soci::session& sql) -> long long {
      if (repository.find_by_username(sql, username)) return 0;
      const long long new_id = repository.insert(sql, staff);
      flows::record_audit(sql, staff.created_at, {"system", "staff.create", "staff:" + std::to_string(new_id), "", "ok",
                                                  username + " " + roles_text});
      return new_id;
    });
    if (id == 0) {
      err << "uia admin: the username " << username << " is taken\n";
      return 1;
    }
    // Usernames and roles were validated to plain ASCII above: no JSON escaping is needed.
    out << "{\"staff_id\":" << id << ",\"username\":\"" << username << "\",\"roles\":[";
    for (std::size_t i = 0; i < roles->size(); ++i) out << (i ? "," : "") << '"' << (*roles)[i] << '"';
    out << "]}\n";
    if (generate) out << "password (shown once, store it safely): " << password << '\n';
    return 0;
  } catch (const std::exception& e) {
    err << "uia admin: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace uia
