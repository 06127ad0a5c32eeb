// The store: URLs, embedded migrations applied once, transactions that leave nothing behind.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <filesystem>

#include "store/database.h"
#include "store/migrations.h"

namespace uia::store {
namespace {
namespace fs = std::filesystem;

class TempDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = fs::temp_directory_path() / ("uia-store-" + std::to_string(::getpid()) + ".db");
    fs::remove(file_);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file_.string() + suffix);
  }
  fs::path file_;
};

TEST(DatabaseUrl, ParsesBothBackendsAndHidesThePassword) {
  DatabaseUrl url;
  std::string error;
  ASSERT_TRUE(parse_database_url("sqlite:/tmp/a b.db", url, error));
  EXPECT_EQ(url.backend, Backend::Sqlite);
  ASSERT_TRUE(parse_database_url("mysql://uia:s3cret@127.0.0.1:3307/uia", url, error));
  EXPECT_EQ(url.backend, Backend::Mysql);
  EXPECT_NE(url.connect.find("port=3307"), std::string::npos);
  EXPECT_NE(url.connect.find("password=s3cret"), std::string::npos);
  EXPECT_EQ(url.display.find("s3cret"), std::string::npos);
  EXPECT_FALSE(parse_database_url("postgres://x", url, error));
  EXPECT_FALSE(parse_database_url("sqlite:", url, error));
  EXPECT_FALSE(parse_database_url("mysql://nohost", url, error));
}

TEST(Migrations, EveryBackendHasTheSameVersions) {
  std::vector<std::string> sqlite, mysql;
  for (const auto& m : embedded_migrations()) (std::string(m.backend) == "sqlite" ? sqlite : mysql).push_back(m.version);
  EXPECT_FALSE(sqlite.empty());
  EXPECT_EQ(sqlite, mysql);
}

TEST(Migrations, SplitsStatementsAndSkipsComments) {
  const auto statements = split_statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0], "CREATE TABLE a (x INT)");
}

TEST_F(TempDatabase, OpenAppliesMigrationsOnce) {
  { auto db = Database::open("sqlite:" + file_.string(), 2); }
  auto db = Database::open("sqlite:" + file_.string(), 2);  // second open: nothing to apply
  long long migrations = 0, persons = -1;
  db->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM schema_migrations", soci::into(migrations);
    sql << "SELECT COUNT(*) FROM persons", soci::into(persons);
  });
  EXPECT_EQ(migrations, static_cast<long long>(embedded_migrations().size() / 2));
  EXPECT_EQ(persons, 0);
}

TEST_F(TempDatabase, AFailedTransactionLeavesNothingBehind) {
  auto db = Database::open("sqlite:" + file_.string(), 2);
  EXPECT_THROW(db->transact([](soci::session& sql) {
    sql << "INSERT INTO audit_log (at, action, result) VALUES (1, 'test', 'ok')";
    throw std::runtime_error("step two failed");
  }), std::runtime_error);
  long long rows = -1;
  db->with_session([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM audit_log", soci::into(rows); });
  EXPECT_EQ(rows, 0);
  db->transact([](soci::session& sql) { sql << "INSERT INTO audit_log (at, action, result) VALUES (1, 'test', 'ok')"; });
  db->with_session([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM audit_log", soci::into(rows); });
  EXPECT_EQ(rows, 1);
}

}  // namespace
}  // namespace uia::store

namespace uia::store {
namespace {

// The same guarantees on MariaDB/MySQL when tools/test.sh provides one (UIA_TEST_MYSQL_URL).
TEST(MysqlDatabase, MigrationsApplyOnceAndFailedTransactionsLeaveNothing) {
  const char* url = std::getenv("UIA_TEST_MYSQL_URL");
  if (!url || !*url) GTEST_SKIP() << "UIA_TEST_MYSQL_URL not set";
  { auto first = Database::open(url, 2); }
  auto db = Database::open(url, 2);
  long long migrations = 0;
  db->with_session([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM schema_migrations", soci::into(migrations); });
  EXPECT_EQ(migrations, static_cast<long long>(embedded_migrations().size() / 2));
  long long before = 0, after = -1;
  db->with_session([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM audit_log", soci::into(before); });
  EXPECT_THROW(db->transact([](soci::session& sql) {
    sql << "INSERT INTO audit_log (at, action, result) VALUES (1, 'mysql-test', 'ok')";
    throw std::runtime_error("step two failed");
  }), std::runtime_error);
  db->with_session([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM audit_log", soci::into(after); });
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace uia::store
