// The only place staff rows are read and written.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "store/staff.h"

namespace uia::store {

class StaffRepository {
 public:
  // Inserts and returns the new id; throws soci_error when the username is taken.
  long long insert(soci::session& sql, const Staff& staff) const;
  std::optional<Staff> find_by_username(soci::session& sql, const std::string& username) const;
  std::optional<Staff> find_by_id(soci::session& sql, long long id) const;
  void update_status(soci::session& sql, long long id, const std::string& status, long long now) const;

 private:
  std::optional<Staff> find_where(soci::session& sql, const char* where, const std::string& value) const;
};

}  // namespace uia::store
