// The rows of a one-column SELECT, for statements whose every row matters (lists of ids to
// revoke or notify).
#pragma once
#include <vector>

#include <soci/statement.h>

namespace uia::store {

// Runs `select`, prepared with soci::into(value), and collects `value` of every row.
template <typename T>
std::vector<T> fetch_all(soci::statement& select, const T& value) {
  std::vector<T> out;
  select.execute();
  while (select.fetch()) out.push_back(value);
  return out;
}

}  // namespace uia::store
