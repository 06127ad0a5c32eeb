#include "cli/profile_command.h"

#include <fstream>
#include <ostream>
#include <sstream>

#include "app/province.h"

namespace uia {
namespace {

int usage(std::ostream& err) {
  err << "usage: uia profile show NAME [--config FILE]   the resolved profile as JSON\n"
         "       uia profile list                        the built-in profiles\n"
         "       uia profile fields                      every field and what it means\n";
  return 2;
}

}  // namespace

int run_profile_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() == 1 && args[0] == "list") {
    for (std::string_view name : builtin_profile_names()) out << name << '\n';
    return 0;
  }
  if (args.size() == 1 && args[0] == "fields") {
    for (const auto& doc : profile_field_docs()) out << doc.path << "\t" << doc.description << '\n';
    return 0;
  }
  if (args.empty() || args[0] != "show" || (args.size() != 2 && args.size() != 4) ||
      (args.size() == 4 && args[2] != "--config"))
    return usage(err);
  nlohmann::json section;
  if (args.size() == 4) {
    std::ifstream in(args[3]);
    std::stringstream text;
    text << in.rdbuf();
    const auto config = nlohmann::json::parse(text.str(), nullptr, false);
    if (!in || !config.is_object()) {
      err << "uia profile: cannot read config file " << args[3] << " as a JSON object\n";
      return 2;
    }
    if (config.contains("profile")) section = config["profile"];
  }
  try {
    out << app::resolve_profile(args[1], section)->json << '\n';
  } catch (const std::exception& e) {
    err << "uia profile: " << e.what() << '\n';
    return 2;
  }
  return 0;
}

}  // namespace uia
