// Names as documents print them.
#include <gtest/gtest.h>

#include "policy/person_name.h"

namespace uia {
namespace {

TEST(PersonName, AcceptsChineseMinorityAndLatinNames) {
  for (const char* name : {"陈静", "欧阳娜娜", "阿依古丽·买买提", "John Smith", "Mary-Jane O'Neil", "José Álvarez", "𠀀明"}) {
    EXPECT_TRUE(check_person_name(name).ok()) << name;
  }
}

TEST(PersonName, RejectsEmptyDigitsSeparatorsAndBadUtf8) {
  EXPECT_EQ(check_person_name("").detail, ErrorCode::NameEmpty);
  for (const char* name : {"陈", "陈1", " 陈静", "陈静 ", "陈  静", "·陈静", "陈静·", "<script>", "陈\xff静", "陈\xe4",
                           "张三@", "\xe4\xb8"}) {
    EXPECT_EQ(check_person_name(name).code, ErrorCode::NameInvalid) << name;
  }
  EXPECT_FALSE(check_person_name(std::string(51 * 3, 'a').c_str()).ok());
}

}  // namespace
}  // namespace uia
