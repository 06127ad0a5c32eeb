// The personal-data keys a command needs to open sealed fields: --keys FILE, else the
// UIA_KEYS_FILE environment variable, else (SQLite) the file dev mode keeps beside the database.
#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "crypto/keys.h"

namespace uia {

// nullopt after telling `err` why (prefixed by `command`, e.g. "uia import").
std::optional<crypto::KeySet> load_command_keys(const std::string& db_url, std::string keys_path, const char* command,
                                                std::ostream& err);

}  // namespace uia
