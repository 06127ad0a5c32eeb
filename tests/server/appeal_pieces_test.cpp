// Small pieces of the appeals flow: the working-day review target, the masked organisation name,
// the simulated registry's lookup by USCC.
#include <gtest/gtest.h>

#include "flows/appeals/appeals_rest.h"
#include "flows/appeals/working_days.h"
#include "http/rfc3339.h"
#include "ports/business_registry_simulator.h"

namespace uia {
namespace {

long long at(const char* rfc3339) { return *http::parse_rfc3339(rfc3339); }

TEST(AppealWorkingDays, CountMondayToFridayInChinaStandardTime) {
  // Wednesday 2026-11-25 20:00 in Beijing → Thursday.
  EXPECT_EQ(http::format_rfc3339(flows::add_working_days(at("2026-11-25T12:00:00Z"), 1)), "2026-11-26T12:00:00Z");
  // Friday 2026-11-27 20:00 in Beijing → Monday; two working days → Tuesday.
  EXPECT_EQ(http::format_rfc3339(flows::add_working_days(at("2026-11-27T12:00:00Z"), 1)), "2026-11-30T12:00:00Z");
  EXPECT_EQ(http::format_rfc3339(flows::add_working_days(at("2026-11-27T12:00:00Z"), 2)), "2026-12-01T12:00:00Z");
  // Friday 23:30 UTC is already Saturday 07:30 in Beijing: due Monday 07:30 Beijing.
  EXPECT_EQ(http::format_rfc3339(flows::add_working_days(at("2026-11-27T23:30:00Z"), 1)), "2026-11-29T23:30:00Z");
  EXPECT_EQ(flows::add_working_days(at("2026-11-28T02:00:00Z"), 0), at("2026-11-28T02:00:00Z"));
}

TEST(AppealOrganisationName, KeepsThePlaceAndTheLegalForm) {
  EXPECT_EQ(flows::mask_organisation_name("长春星河科技有限公司"), "长春****有限公司");
  EXPECT_EQ(flows::mask_organisation_name("星河公司"), "星****司");
  EXPECT_EQ(flows::mask_organisation_name("星河"), "****");
}

TEST(AppealRegistryLookup, TheSimulatorKnowsWhatWasSeededOrConfirmed) {
  ports::BusinessRegistrySimulator registry;
  EXPECT_EQ(registry.lookup("91220100MA00000001").verdict, ports::RegistryVerdict::NotYetKnown);
  registry.seed("91220100MA00000001", {"吉林甲公司", "赵一", "x", {}});
  EXPECT_EQ(registry.lookup("91220100MA00000001").name, "吉林甲公司");
  registry.check({"91220100MA00000002", "吉林乙有限公司", "钱二", "y"});
  const auto confirmed = registry.lookup("91220100MA00000002");
  EXPECT_EQ(confirmed.verdict, ports::RegistryVerdict::Confirmed);
  EXPECT_EQ(confirmed.name, "吉林乙有限公司");
  registry.check({"91220100MA00000003", "吉林丙不符公司", "孙三", "z"});  // a mismatch is not remembered
  EXPECT_EQ(registry.lookup("91220100MA00000003").verdict, ports::RegistryVerdict::NotYetKnown);
}

}  // namespace
}  // namespace uia
