// `uia`: the platform's one executable. Subcommands: serve, migrate, import, keygen, validate, profile, admin.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/admin_command.h"
#include "cli/import_command.h"
#include "cli/migrate_command.h"
#include "cli/profile_command.h"
#include "cli/serve_command.h"
#include "crypto/keys.h"
#include "cli/validate_command.h"

namespace {

void print_usage() {
  std::cerr << "usage: uia <command> [options]\n"
               "commands:\n"
               "  serve [--port 8080] [--db sqlite:uia.db] [--dev]   serve the REST API and the web client\n"
               "  migrate --db URL                                  apply the database migrations\n"
               "  keygen FILE [--suite sm4-ctr-hmac-sm3]            new keys for ID numbers and phones at rest\n"
               "  import persons FILE.csv --db URL [--keys FILE]    load accounts to activate (pending_activation)\n"
               "  validate [--profile NAME] KIND VALUE              check one value with the shared rules\n"
               "  profile show NAME [--config FILE] | list | fields the province profiles (jilin, hubei, shandong, hainan, gongshang)\n"
               "  admin add --db URL --username NAME --role ROLES   a back-office account (password on stdin)\n"
               "  admin disable --db URL --username NAME            end a back-office account's access\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage();
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  std::error_code error;
  std::filesystem::path executable = std::filesystem::canonical("/proc/self/exe", error);
  if (error) executable = argv[0];

  if (command == "validate") {
    uia::SystemClock clock;
    return uia::run_validate_command(args, clock, std::cout, std::cerr);
  }
  if (command == "serve") return uia::run_serve_command(args, executable);
  if (command == "profile") return uia::run_profile_command(args, std::cout, std::cerr);
  if (command == "migrate") return uia::run_migrate_command(args, std::cout, std::cerr);
  if (command == "import") return uia::run_import_command(args, std::cout, std::cerr);
  if (command == "admin") return uia::run_admin_command(args, std::cin, std::cout, std::cerr);
  if (command == "keygen") {
    // uia keygen FILE [--suite aes-256-gcm|sm4-ctr-hmac-sm3]: fresh data-protection keys, mode 0600.
    if (args.empty() || (args.size() != 1 && (args.size() != 3 || args[1] != "--suite"))) {
      std::cerr << "usage: uia keygen FILE [--suite aes-256-gcm|sm4-ctr-hmac-sm3]\n";
      return 2;
    }
    const bool sm4 = args.size() == 3 && args[2] == "sm4-ctr-hmac-sm3";
    if (args.size() == 3 && !sm4 && args[2] != "aes-256-gcm") {
      std::cerr << "uia keygen: unknown suite " << args[2] << '\n';
      return 2;
    }
    std::string error;
    const auto keys = uia::crypto::generate_keys(sm4 ? uia::crypto::CipherSuite::Sm4CtrHmacSm3 : uia::crypto::CipherSuite::Aes256Gcm);
    if (!uia::crypto::write_key_file(args[0], keys, error)) {
      std::cerr << "uia keygen: " << error << '\n';
      return 1;
    }
    std::cout << "uia keygen: wrote " << args[0] << '\n';
    return 0;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    print_usage();
    return 0;
  }
  std::cerr << "uia: unknown command '" << command << "'\n";
  print_usage();
  return 2;
}
