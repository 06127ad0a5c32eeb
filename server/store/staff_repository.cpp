#include "store/staff_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace uia::store {

bool Staff::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::optional<std::vector<std::string>> parse_staff_roles(std::string_view text) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string_view role = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (std::find(std::begin(kStaffRoles), std::end(kStaffRoles), role) == std::end(kStaffRoles)) return std::nullopt;
    if (!seen.insert(std::string(role)).second) return std::nullopt;
    out.emplace_back(role);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string join_staff_roles(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& role : roles) out += (out.empty() ? "" : ",") + role;
  return out;
}

bool valid_staff_username(std::string_view username) {
  if (username.size() < 3 || username.size() > 32) return false;
  if (username.front() < 'a' || username.front() > 'z') return false;
  return std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

long long StaffRepository::insert(soci::session& sql, const Staff& s) const {
  const std::string roles = join_staff_roles(s.roles);
  sql << "INSERT INTO staff (username, password_hash, roles, status, created_at, updated_at) "
         "VALUES (:u, :p, :r, :s, :c, :m)",
      soci::use(s.username), soci::use(s.password_hash), soci::use(roles), soci::use(s.status),
      soci::use(s.created_at), soci::use(s.updated_at);
  long long id = 0;
  sql << "SELECT id FROM staff WHERE username = :u", soci::use(s.username), soci::into(id);
  return id;
}

std::optional<Staff> StaffRepository::find_where(soci::session& sql, const char* where, const std::string& value) const {
  Staff s;
  std::string roles;
  sql << std::string("SELECT id, username, password_hash, roles, status, created_at, updated_at FROM staff WHERE ") + where,
      soci::use(value), soci::into(s.id), soci::into(s.username), soci::into(s.password_hash), soci::into(roles),
      soci::into(s.status), soci::into(s.created_at), soci::into(s.updated_at);
  if (!sql.got_data()) return std::nullopt;
  // Roles written by this code always parse; a hand-edited unknown role grants nothing.
  s.roles = parse_staff_roles(roles).value_or(std::vector<std::string>{});
  return s;
}

std::optional<Staff> StaffRepository::find_by_username(soci::session& sql, const std::string& username) const {
  std::string key = username;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return find_where(sql, "username = :u", key);
}

std::optional<Staff> StaffRepository::find_by_id(soci::session& sql, long long id) const {
  Staff s;
  std::string roles;
  sql << "SELECT id, username, password_hash, roles, status, created_at, updated_at FROM staff WHERE id = :id",
      soci::use(id), soci::into(s.id), soci::into(s.username), soci::into(s.password_hash), soci::into(roles),
      soci::into(s.status), soci::into(s.created_at), soci::into(s.updated_at);
  if (!sql.got_data()) return std::nullopt;
  s.roles = parse_staff_roles(roles).value_or(std::vector<std::string>{});
  return s;
}

void StaffRepository::update_status(soci::session& sql, long long id, const std::string& status, long long now) const {
  sql << "UPDATE staff SET status = :s, updated_at = :u WHERE id = :id", soci::use(status), soci::use(now), soci::use(id);
}

}  // namespace uia::store
