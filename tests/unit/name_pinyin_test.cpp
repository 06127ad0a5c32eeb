#include <gtest/gtest.h>

#include <string>

#include "policy/account.h"
#include "policy/name_pinyin.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

TEST(NamePinyin, WholeNameFoundCaseInsensitive) {
  EXPECT_TRUE(contains_name_pinyin("zhangsan123!", "张三"));
  EXPECT_TRUE(contains_name_pinyin("ZhangSan@1", "张三"));
  EXPECT_TRUE(contains_name_pinyin("ZHANGSAN", "张三"));
  EXPECT_TRUE(contains_name_pinyin("2024#zhangsan", "张三"));
  EXPECT_TRUE(contains_name_pinyin("lisi", "李四"));
  EXPECT_TRUE(contains_name_pinyin("xx_OuYangXiu_xx", "欧阳修"));
}

TEST(NamePinyin, EveryReadingOfAPolyphonicCharacter) {
  // 单: shan (the surname), dan, chan.
  EXPECT_TRUE(contains_name_pinyin("shanwei2024!", "单伟"));
  EXPECT_TRUE(contains_name_pinyin("danwei2024!", "单伟"));
  EXPECT_TRUE(contains_name_pinyin("chanwei2024!", "单伟"));
  // 曾: zeng (the surname), ceng.
  EXPECT_TRUE(contains_name_pinyin("ZengGuoFan1", "曾国藩"));
  EXPECT_TRUE(contains_name_pinyin("cengguofan1", "曾国藩"));
  // Readings combine freely from character to character.
  EXPECT_TRUE(contains_name_pinyin("dan-shandanshan", "单单"));
  EXPECT_TRUE(contains_name_pinyin("@shandan", "单单"));
  EXPECT_FALSE(contains_name_pinyin("shan-dan", "单单"));
}

TEST(NamePinyin, UmlautAsVOrU) {
  EXPECT_TRUE(contains_name_pinyin("lvbu#1234", "吕布"));
  EXPECT_TRUE(contains_name_pinyin("LuBu#1234", "吕布"));
  EXPECT_TRUE(contains_name_pinyin("nvwa", "女娲"));
  EXPECT_TRUE(contains_name_pinyin("nuwa", "女娲"));
  EXPECT_FALSE(contains_name_pinyin("lbu#1234", "吕布"));
}

TEST(NamePinyin, NotFound) {
  EXPECT_FALSE(contains_name_pinyin("lisi1234!", "张三"));
  EXPECT_FALSE(contains_name_pinyin("Abcdef#2024", "张三"));
  EXPECT_FALSE(contains_name_pinyin("", "张三"));
  EXPECT_FALSE(contains_name_pinyin("zhang-san", "张三"));
  EXPECT_FALSE(contains_name_pinyin("sanzhang", "张三"));  // order matters
}

TEST(NamePinyin, PartOfTheNameIsNotEnough) {
  EXPECT_FALSE(contains_name_pinyin("zhang123!", "张三"));
  EXPECT_FALSE(contains_name_pinyin("san@2024", "张三"));
  EXPECT_FALSE(contains_name_pinyin("zhangsa", "张三"));
  EXPECT_FALSE(contains_name_pinyin("ouyang#1", "欧阳修"));
}

TEST(NamePinyin, EmptyOrUnknownName) {
  EXPECT_FALSE(contains_name_pinyin("zhangsan", ""));
  EXPECT_FALSE(contains_name_pinyin("zhangsan", "zhangsan"));
  EXPECT_FALSE(contains_name_pinyin("John Smith", "John Smith"));
  EXPECT_FALSE(contains_name_pinyin("zhangsan", "张a"));
  EXPECT_FALSE(contains_name_pinyin("zhangsan", "张3"));
  EXPECT_FALSE(contains_name_pinyin("zhangsan", "张 三"));
  EXPECT_FALSE(contains_name_pinyin("abc", "\xE3\x80\x81"));  // U+3001, an ideographic comma
  EXPECT_FALSE(contains_name_pinyin("zhangsan", "·"));
  // Malformed UTF-8: a truncated 张, a lone continuation byte, an overlong '/'.
  EXPECT_FALSE(contains_name_pinyin("zhangsan", std::string("\xE5\xBC", 2)));
  EXPECT_FALSE(contains_name_pinyin("zhangsan", "\x80"));
  EXPECT_FALSE(contains_name_pinyin("zhangsan", "\xC0\xAF"));
}

TEST(NamePinyin, EthnicMinorityNameJoinedByMiddleDot) {
  EXPECT_TRUE(contains_name_pinyin("ayigulimaimaiti1!", "阿依古丽·买买提"));
  EXPECT_TRUE(contains_name_pinyin("AYIGULIMAIMAITI", "阿依古丽买买提"));
  EXPECT_FALSE(contains_name_pinyin("ayiguli-maimaiti", "阿依古丽·买买提"));
}

TEST(NamePinyin, CharactersBeyondGb2312) {
  // Common in names though outside GB2312: 喆 zhe, 堃 kun, 玥 yue, and 〇 (U+3007) ling.
  EXPECT_TRUE(contains_name_pinyin("wangzhe88", "王喆"));
  EXPECT_TRUE(contains_name_pinyin("likun#2020", "李堃"));
  EXPECT_TRUE(contains_name_pinyin("zhaoyue.1", "赵玥"));
  EXPECT_TRUE(contains_name_pinyin("zhangling", "张〇"));
}

TEST(NamePinyin, BoundedWorkOnLongInput) {
  std::string name;
  for (int i = 0; i < 20; ++i) name += "单";
  std::string password;
  for (int i = 0; i < 19; ++i) password += "dan";
  EXPECT_FALSE(contains_name_pinyin(password + "!", name));
  password += "shan";
  EXPECT_TRUE(contains_name_pinyin(password, name));
  // A name longer than the password is rejected before any matching.
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "张";
  EXPECT_FALSE(contains_name_pinyin("zhangzhang", many));
  EXPECT_FALSE(contains_name_pinyin(std::string(4000, 'a'), name));
}

TEST(NamePinyin, CheckPasswordRejectsTheNamesPinyin) {
  PasswordPolicy p;
  p.min_classes = 3;
  p.max_length = 20;
  p.reject_name_pinyin = true;
  const Verdict v = check_password("zhangsan#2024", "", p, "张三");
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.code, ErrorCode::PasswordInvalid);
  EXPECT_EQ(v.detail, ErrorCode::PasswordNamePinyin);
  EXPECT_EQ(detail_name(v), "PASSWORD_NAME_PINYIN");
  EXPECT_TRUE(check_password("zhangsan#2024", "", p, "李四").ok());
  EXPECT_TRUE(check_password("zhangsan#2024", "", p).ok());  // no name given
  p.reject_name_pinyin = false;
  EXPECT_TRUE(check_password("zhangsan#2024", "", p, "张三").ok());
}

}  // namespace
}  // namespace uia
