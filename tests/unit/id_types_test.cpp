#include <gtest/gtest.h>

#include <set>
#include <string>

#include "ids/id_types.h"
#include "profile/profile.h"

namespace uia {
namespace {

TEST(IdTypes, FindsEachCodeAndNothingElse) {
  ASSERT_NE(find_id_type("resident"), nullptr);
  EXPECT_EQ(find_id_type("resident")->label, "居民身份证");
  EXPECT_EQ(find_id_type("resident")->kind, ValueKind::ResidentId);
  ASSERT_NE(find_id_type("passport"), nullptr);
  EXPECT_EQ(find_id_type("passport")->kind, ValueKind::Passport);
  EXPECT_EQ(find_id_type("foreign_permanent_id")->kind, ValueKind::ForeignPermanentId);
  EXPECT_EQ(find_id_type("hk_macau_permit")->label, "港澳居民来往内地通行证");
  EXPECT_EQ(find_id_type("Resident"), nullptr);  // codes are exact
  EXPECT_EQ(find_id_type(""), nullptr);
  EXPECT_EQ(find_id_type("driving_licence"), nullptr);
}

TEST(IdTypes, ResidentFirstCodesAndLabelsUnique) {
  ASSERT_EQ(id_types().size(), 5u);
  EXPECT_EQ(id_types().front().code, "resident");
  std::set<std::string_view> codes, labels;
  for (const auto& t : id_types()) {
    codes.insert(t.code);
    labels.insert(t.label);
  }
  EXPECT_EQ(codes.size(), id_types().size());
  EXPECT_EQ(labels.size(), id_types().size());
}

TEST(IdTypes, EveryProfileListsOnlyKnownTypes) {
  for (std::string_view name : builtin_profile_names()) {
    const auto profile = builtin_profile(name);
    ASSERT_TRUE(profile) << name;
    for (const auto& code : profile->person_id_types)
      EXPECT_NE(find_id_type(code), nullptr) << name << " " << code;
  }
}

}  // namespace
}  // namespace uia
