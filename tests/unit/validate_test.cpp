#include <gtest/gtest.h>

#include <string>

#include "api/validate.h"
#include "test_util.h"

namespace uia {
namespace {

using test::detail_name;

constexpr Date kToday{2024, 6, 1};

TEST(Validate, KindNamesAndFields) {
  const std::pair<const char*, const char*> expected[] = {
      {"resident-id", "id_number"}, {"uscc", "uscc"},
      {"phone", "phone"},           {"account", "account"},
      {"password", "password"},     {"hk-macau-permit", "id_number"},
      {"taiwan-permit", "id_number"}, {"passport", "id_number"},
      {"foreign-permanent-id", "id_number"}, {"email", "email"},
  };
  for (const auto& [name, field] : expected) {
    const auto kind = value_kind_from_name(name);
    ASSERT_TRUE(kind) << name;
    EXPECT_EQ(value_kind_name(*kind), name);
    EXPECT_EQ(value_kind_field(*kind), field);
  }
  EXPECT_FALSE(value_kind_from_name(""));
  EXPECT_FALSE(value_kind_from_name("resident_id"));
  EXPECT_FALSE(value_kind_from_name("Phone"));
}

TEST(Validate, DispatchesToTheRules) {
  const auto v = [](const char* kind, std::string_view value) {
    return validate_value(*value_kind_from_name(kind), value, kToday, *builtin_profile("jilin"));
  };
  EXPECT_TRUE(v("resident-id", "11010519491231002X").ok());
  EXPECT_EQ(detail_name(v("resident-id", "110105194912310029")), "ID_NUMBER_CHECK_DIGIT");
  EXPECT_TRUE(v("uscc", "91350100M000100Y43").ok());
  EXPECT_EQ(detail_name(v("uscc", "91350100M000100Y44")), "USCC_CHECK_DIGIT");
  EXPECT_TRUE(v("phone", "15012340058").ok());
  EXPECT_EQ(detail_name(v("phone", "")), "PHONE_EMPTY");
  EXPECT_TRUE(v("account", "zhangsan").ok());
  EXPECT_EQ(detail_name(v("account", "1zhangsan")), "ACCOUNT_FIRST_LETTER");
  EXPECT_TRUE(v("password", "Kxqz7295").ok());
  EXPECT_EQ(detail_name(v("password", "P@ssw0rd")), "PASSWORD_COMMON");
  EXPECT_TRUE(v("hk-macau-permit", "H12345678").ok());
  EXPECT_TRUE(v("taiwan-permit", "12345678").ok());
  EXPECT_TRUE(v("passport", "E12345678").ok());
  EXPECT_EQ(v("passport", "e12345678").code, ErrorCode::PassportInvalid);
  EXPECT_TRUE(v("foreign-permanent-id", "USA110801011230").ok());
  EXPECT_TRUE(v("email", "a@b.co").ok());
  EXPECT_EQ(v("email", "a@b").code, ErrorCode::EmailInvalid);
}

TEST(Validate, ForeignIdUsesToday) {
  const std::string first17 = "91184020240602123";
  std::string id = first17;
  // Compute the MOD 11-2 character the same way the resident ID does.
  static constexpr int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * w[i];
  id += "10X98765432"[sum % 11];
  EXPECT_FALSE(check_document_number(ValueKind::ForeignPermanentId, id, kToday).ok());
  EXPECT_TRUE(check_document_number(ValueKind::ForeignPermanentId, id, Date{2024, 6, 2}).ok());
}

TEST(VerdictJson, Valid) {
  EXPECT_EQ(verdict_json(Verdict::pass()), R"({"valid":true,"code":"OK","message":"校验通过"})");
}

TEST(VerdictJson, InvalidWithDetail) {
  const Verdict v = check_document_number(ValueKind::ResidentId, "110105194912310029", kToday);
  EXPECT_EQ(verdict_json(v),
            R"({"valid":false,"code":"ID_NUMBER_INVALID","message":"身份证号码校验位不正确","detail":"ID_NUMBER_CHECK_DIGIT"})");
}

TEST(VerdictJson, InvalidWithoutSeparateDetail) {
  EXPECT_EQ(verdict_json(Verdict::fail(ErrorCode::EmailInvalid)),
            R"({"valid":false,"code":"EMAIL_INVALID","message":"电子邮箱格式不正确"})");
  EXPECT_EQ(verdict_json(Verdict::fail(ErrorCode::IdExpired)),
            R"({"valid":false,"code":"ID_EXPIRED","message":"证件已过期，请使用有效证件"})");
}

TEST(VerdictJson, EveryCatalogueEntryIsWellFormed) {
  for (std::size_t i = 0; i < error_code_count(); ++i) {
    const ErrorCode c = error_code_at(i);
    const std::string json = verdict_json(Verdict::fail(ErrorCode::RequestInvalid, c));
    EXPECT_EQ(json.front(), '{');
    EXPECT_EQ(json.back(), '}');
    EXPECT_TRUE(test::is_valid_utf8(json));
    EXPECT_NE(json.find(std::string(code_name(c))), std::string::npos);
    for (char ch : json) EXPECT_GE(static_cast<unsigned char>(ch), 0x20u) << json;
  }
}

TEST(JsonQuote, Escaping) {
  EXPECT_EQ(json_quote(""), R"("")");
  EXPECT_EQ(json_quote("abc"), R"("abc")");
  EXPECT_EQ(json_quote("a\"b"), R"("a\"b")");
  EXPECT_EQ(json_quote("a\\b"), R"("a\\b")");
  EXPECT_EQ(json_quote("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(json_quote(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
  EXPECT_EQ(json_quote(std::string("a\0b", 3)), R"("a\u0000b")");
  EXPECT_EQ(json_quote("\x7f"), "\"\x7f\"");
  EXPECT_EQ(json_quote("陈*"), "\"陈*\"");
  EXPECT_EQ(json_quote("/"), R"("/")");
  EXPECT_EQ(json_quote("</script>"), R"("</script>")");
}

}  // namespace
}  // namespace uia
