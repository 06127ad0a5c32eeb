#include "store/migrations.h"

#include <soci/soci.h>

#include <set>
#include <sstream>

namespace uia::store {

std::vector<std::string> split_statements(const std::string& script) {
  std::vector<std::string> statements;
  std::string current;
  std::istringstream lines(script);
  std::string line;
  while (std::getline(lines, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
    current += line;
    current += '\n';
    const auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
  return statements;
}

std::vector<std::string> apply_migrations(soci::session& sql, const std::string& backend) {
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(64) PRIMARY KEY, applied_at BIGINT NOT NULL)";
  std::set<std::string> applied;
  {
    soci::rowset<std::string> rows = (sql.prepare << "SELECT version FROM schema_migrations");
    for (const auto& version : rows) applied.insert(version);
  }
  std::vector<std::string> now_applied;
  for (const Migration& migration : embedded_migrations()) {
    if (backend != migration.backend || applied.count(migration.version)) continue;
    soci::transaction transaction(sql);
    for (const std::string& statement : split_statements(migration.sql)) sql << statement;
    const long long at = static_cast<long long>(std::time(nullptr));
    const std::string version = migration.version;
    sql << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :t)", soci::use(version), soci::use(at);
    transaction.commit();
    now_applied.push_back(version);
  }
  return now_applied;
}

}  // namespace uia::store
