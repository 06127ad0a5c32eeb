// Small server pieces: routing, URL-to-file mapping, JSON limits, the validate command, clock.
#include <gtest/gtest.h>

#include <sstream>

#include "api/validate.h"
#include "cli/validate_command.h"
#include "http/json_request.h"
#include "http/static_files.h"

namespace uia {
namespace {

const auto kNoon = std::chrono::system_clock::time_point(std::chrono::seconds(1795608000));  // 2026-11-25 12:00Z

TEST(StaticFilesPath, MapsPlainNamesOnly) {
  using http::StaticFiles;
  EXPECT_EQ(StaticFiles::relative_file("/"), "index.html");
  EXPECT_EQ(StaticFiles::relative_file("/uia.wasm?v=3"), "uia.wasm");
  EXPECT_EQ(StaticFiles::relative_file("/fonts/ui.ttf"), "fonts/ui.ttf");
  for (const char* bad : {"", "uia.js", "/../x", "/a/../b", "/.env", "/a//b", "/%2e%2e/x", "/a\\b", "/a b"}) {
    EXPECT_FALSE(StaticFiles::relative_file(bad)) << bad;
  }
}

TEST(StaticFilesPath, ContentTypes) {
  using http::StaticFiles;
  EXPECT_EQ(StaticFiles::content_type_for("x.wasm"), "application/wasm");
  EXPECT_EQ(StaticFiles::content_type_for("x.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for("x.ttf"), "font/ttf");
  EXPECT_EQ(StaticFiles::content_type_for("x.unknown"), "");
  EXPECT_EQ(StaticFiles::content_type_for("Makefile"), "");
}

TEST(JsonRequest, DepthIsBoundedBeforeParsing) {
  EXPECT_EQ(http::json_nesting_depth(R"({"a":[1,{"b":"[[[["}]})"), 3);
  EXPECT_TRUE(http::parse_json_object(R"({"a":1})"));
  EXPECT_FALSE(http::parse_json_object("[]"));
  EXPECT_FALSE(http::parse_json_object("{"));
  std::string deep = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
  EXPECT_FALSE(http::parse_json_object(deep));
}

TEST(ValidateCommand, PrintsTheSharedVerdictAndExitCode) {
  ManualClock clock(kNoon);
  std::ostringstream out, err;
  EXPECT_EQ(run_validate_command({"resident-id", "11010519491231002X"}, clock, out, err), 0);
  EXPECT_EQ(out.str(), verdict_json(Verdict::pass()) + "\n");

  out.str("");
  EXPECT_EQ(run_validate_command({"phone", "1234"}, clock, out, err), 1);
  EXPECT_EQ(out.str(), verdict_json(validate_value(ValueKind::Phone, "1234", clock.today(), *builtin_profile("jilin"))) + "\n");

  out.str("");
  EXPECT_EQ(run_validate_command({"colour", "red"}, clock, out, err), 2);
  EXPECT_NE(out.str().find("KIND_UNKNOWN"), std::string::npos);
  EXPECT_EQ(run_validate_command({"phone"}, clock, out, err), 2);
}

TEST(Clock, TodayIsChinaStandardTime) {
  // 2026-11-25 16:30 UTC is already 26 November in Beijing.
  ManualClock clock(kNoon + std::chrono::hours(4) + std::chrono::minutes(30));
  EXPECT_EQ(clock.today(), (Date{2026, 11, 26}));
  clock.advance(-std::chrono::hours(5));
  EXPECT_EQ(clock.today(), (Date{2026, 11, 25}));
}

}  // namespace
}  // namespace uia
