#include "cli/key_file_option.h"

#include <cstdlib>

namespace uia {

std::optional<crypto::KeySet> load_command_keys(const std::string& db_url, std::string keys_path, const char* command,
                                                std::ostream& err) {
  if (keys_path.empty()) {
    if (const char* env = std::getenv("UIA_KEYS_FILE"); env && *env) keys_path = env;
    else if (db_url.rfind("sqlite:", 0) == 0) keys_path = db_url.substr(7) + ".keys";  // what dev mode uses
  }
  std::string error;
  auto keys = crypto::load_key_file(keys_path, error);
  if (!keys) err << command << ": " << error << " (give --keys FILE, the same the server uses)\n";
  return keys;
}

}  // namespace uia
