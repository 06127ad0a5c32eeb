// A back-office staff member: signs in with username + password (Argon2id) and acts through
// roles. Roles are separate duties: `auditor` reads the audit log, `reviewer` decides on
// registrations that wait for review, `admin` manages the platform (OIDC clients, later). No
// role implies another, so an administrator does not read the audit trail unless also made an
// auditor.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uia::store {

constexpr std::string_view kStaffRoles[] = {"auditor", "reviewer", "admin"};

struct Staff {
  long long id = 0;
  std::string username;  // lower case
  std::string password_hash;
  std::vector<std::string> roles;
  std::string status = "active";  // active | disabled
  long long created_at = 0;
  long long updated_at = 0;

  bool has_role(std::string_view role) const;
};

// "reviewer,auditor" → {"reviewer", "auditor"}; nullopt when empty, unknown or repeated.
std::optional<std::vector<std::string>> parse_staff_roles(std::string_view text);
std::string join_staff_roles(const std::vector<std::string>& roles);
// 3-32 characters: a lower-case letter, then lower-case letters, digits, '.', '_' or '-'.
bool valid_staff_username(std::string_view username);

}  // namespace uia::store
