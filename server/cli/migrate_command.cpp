#include "cli/migrate_command.h"

#include <soci/soci.h>

#include <ostream>

#include "store/database.h"
#include "store/migrations.h"

namespace uia {

int run_migrate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 2 || args[0] != "--db") {
    err << "usage: uia migrate --db sqlite:uia.db|mysql://user:pass@host:3306/uia\n";
    return 2;
  }
  try {
    // open() applies what is missing; report the state afterwards.
    auto db = store::Database::open(args[1], 1);
    long long count = 0;
    std::string latest;
    db->with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM schema_migrations", soci::into(count);
      sql << "SELECT MAX(version) FROM schema_migrations", soci::into(latest);
    });
    out << "uia migrate: " << db->display_name() << " at " << latest << " (" << count << " migrations applied)\n";
    return 0;
  } catch (const std::exception& e) {
    err << "uia migrate: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace uia
