// Schema migrations from sql/<backend>/NNNN_name.sql, embedded into the binary at build time and
// applied in order, each once, recorded in schema_migrations.
#pragma once
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace uia::store {

struct Migration {
  const char* backend;  // "sqlite" or "mysql"
  const char* version;  // file name without extension, e.g. "0001_core"
  const char* sql;
};

const std::vector<Migration>& embedded_migrations();

// Splits a script into statements at semicolons that end a line (our SQL keeps ';' out of
// literals), dropping comment-only lines.
std::vector<std::string> split_statements(const std::string& script);

// Applies what is missing; returns the versions applied now. Throws soci::soci_error on failure.
std::vector<std::string> apply_migrations(soci::session& sql, const std::string& backend);

}  // namespace uia::store
