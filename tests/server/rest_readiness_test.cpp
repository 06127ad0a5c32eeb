// GET /readyz (issue 21): ready when the database answers and holds every embedded migration;
// 503 naming what is missing otherwise, so a load balancer keeps traffic off the node.
#include <soci/soci.h>

#include "rest_test_support.h"

namespace uia::rest {
namespace {

using RestReadiness = RestTest;

TEST_F(RestReadiness, ReadyWhenEveryMigrationIsApplied) {
  const Reply ready = get("/readyz");
  ASSERT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ready.json.value("status", ""), "ready");
  EXPECT_EQ(ready.json.value("database", ""), "ok");
  EXPECT_GT(ready.json["migrations"].value("expected", 0), 20);
  EXPECT_EQ(ready.json["migrations"].value("applied", 0), ready.json["migrations"].value("expected", -1));
}

TEST_F(RestReadiness, NotReadyWhileAMigrationIsMissing) {
  {  // as if this binary were newer than the database it was pointed at
    auto sql = open_database();
    *sql << "DELETE FROM schema_migrations WHERE version = '0021_appeals'";
  }
  const Reply missing = get("/readyz");
  ASSERT_EQ(missing.status, 503) << missing.body;
  EXPECT_EQ(missing.json.value("status", ""), "not_ready");
  ASSERT_EQ(missing.json["migrations"]["pending"].size(), 1u) << missing.body;
  EXPECT_EQ(missing.json["migrations"]["pending"][0], "0021_appeals");
  EXPECT_EQ(get("/healthz").status, 200) << "alive all the same";
}

}  // namespace
}  // namespace uia::rest
