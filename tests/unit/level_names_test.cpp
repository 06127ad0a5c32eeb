#include <gtest/gtest.h>

#include <string>

#include "policy/level_names.h"

namespace uia {
namespace {

TEST(LevelNames, CountedLikeTheManuals) {
  EXPECT_EQ(std::string(real_name_level_name(1)), "一级实名");
  EXPECT_EQ(std::string(real_name_level_name(2)), "二级实名");
  EXPECT_EQ(std::string(real_name_level_name(3)), "三级实名");
  EXPECT_EQ(std::string(real_name_level_name(0)), "未实名");
  EXPECT_EQ(std::string(real_name_level_name(4)), "未实名");
  EXPECT_EQ(std::string(real_name_level_name(-1)), "未实名");
}

}  // namespace
}  // namespace uia
