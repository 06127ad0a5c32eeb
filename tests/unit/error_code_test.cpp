#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/error_code.h"
#include "api/verdict.h"
#include "test_util.h"

namespace uia {
namespace {

bool is_upper_snake(std::string_view s) {
  if (s.empty() || s.front() < 'A' || s.front() > 'Z' || s.back() == '_') return false;
  char prev = 0;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    if (c == '_' && prev == '_') return false;
    prev = c;
  }
  return true;
}

TEST(ErrorCatalogue, EveryCodeIsComplete) {
  const std::size_t n = error_code_count();
  ASSERT_GT(n, 50u);
  std::set<std::string> names;
  for (std::size_t i = 0; i < n; ++i) {
    const ErrorCode code = error_code_at(i);
    EXPECT_EQ(static_cast<std::size_t>(code), i);
    const std::string name(code_name(code));
    EXPECT_TRUE(is_upper_snake(name)) << name;
    EXPECT_TRUE(names.insert(name).second) << "duplicate " << name;
    EXPECT_FALSE(message_zh(code).empty()) << name;
    EXPECT_FALSE(message_en(code).empty()) << name;
    EXPECT_TRUE(test::is_valid_utf8(message_zh(code))) << name;
    // The zh-CN text is Chinese: it contains at least one non-ASCII character.
    bool non_ascii = false;
    for (char c : message_zh(code)) non_ascii = non_ascii || static_cast<unsigned char>(c) >= 0x80;
    EXPECT_TRUE(non_ascii) << name;
    const auto back = code_from_name(name);
    ASSERT_TRUE(back) << name;
    EXPECT_EQ(*back, code);
  }
}

TEST(ErrorCatalogue, KnownNames) {
  EXPECT_EQ(code_name(ErrorCode::Ok), "OK");
  EXPECT_EQ(message_zh(ErrorCode::Ok), "校验通过");
  EXPECT_EQ(code_name(ErrorCode::IdNumberInvalid), "ID_NUMBER_INVALID");
  EXPECT_EQ(code_name(ErrorCode::UsccCheckDigit), "USCC_CHECK_DIGIT");
  EXPECT_EQ(code_name(ErrorCode::IdExpired), "ID_EXPIRED");
  EXPECT_EQ(code_name(ErrorCode::InternalError), "INTERNAL_ERROR");
  EXPECT_EQ(code_from_name("PHONE_INVALID"), ErrorCode::PhoneInvalid);
}

TEST(ErrorCatalogue, UnknownNames) {
  EXPECT_FALSE(code_from_name(""));
  EXPECT_FALSE(code_from_name("ok"));
  EXPECT_FALSE(code_from_name("ID_NUMBER_INVALID "));
  EXPECT_FALSE(code_from_name("NO_SUCH_CODE"));
  EXPECT_EQ(error_code_at(error_code_count()), ErrorCode::InternalError);
  EXPECT_EQ(code_name(static_cast<ErrorCode>(60000)), "INTERNAL_ERROR");
}

TEST(Verdict, MessagesComeFromTheDetail) {
  const Verdict v = Verdict::fail(ErrorCode::IdNumberInvalid, ErrorCode::IdNumberCheckDigit);
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.message_zh(), "身份证号码校验位不正确");
  EXPECT_EQ(v.message_en(), message_en(ErrorCode::IdNumberCheckDigit));
  EXPECT_TRUE(Verdict::pass().ok());
  EXPECT_EQ(Verdict::fail(ErrorCode::EmailInvalid).detail, ErrorCode::EmailInvalid);
}

}  // namespace
}  // namespace uia
