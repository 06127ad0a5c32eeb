// The small parts behind the back-office routes, checked directly: RFC 3339 times, query-string
// percent-decoding, staff roles and names, and the document checks (base64, size, signatures).
#include <gtest/gtest.h>

#include "flows/back_office/document_content.h"
#include "http/percent_decode.h"
#include "http/rfc3339.h"
#include "store/staff.h"

namespace uia {
namespace {

TEST(Rfc3339, ParsesUtcOffsetsAndFractions) {
  EXPECT_EQ(http::parse_rfc3339("2026-11-25T12:00:00Z"), 1795608000);
  EXPECT_EQ(http::parse_rfc3339("2026-11-25t12:00:00z"), 1795608000);
  EXPECT_EQ(http::parse_rfc3339("2026-11-25T20:00:00+08:00"), 1795608000);
  EXPECT_EQ(http::parse_rfc3339("2026-11-25T07:30:00-04:30"), 1795608000);
  EXPECT_EQ(http::parse_rfc3339("2026-11-25T12:00:00.999Z"), 1795608000);
  EXPECT_EQ(http::parse_rfc3339("2024-02-29T00:00:00Z"), 1709164800);
  EXPECT_EQ(http::format_rfc3339(1795608000), "2026-11-25T12:00:00Z");
}

TEST(Rfc3339, RefusesEverythingElse) {
  for (const char* bad : {"", "2026-11-25", "2026-11-25 12:00:00Z", "2026-11-25T12:00:00", "2026-11-25T12:00Z",
                          "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                          "2026-11-25T24:00:00Z", "2026-11-25T12:60:00Z", "2026-11-25T12:00:00+8:00",
                          "2026-11-25T12:00:00+08:00x", "2026-11-25T12:00:00.Z", "1969-12-31T23:59:59Z",
                          "yesterday", "２０２６-11-25T12:00:00Z"}) {
    EXPECT_FALSE(http::parse_rfc3339(bad)) << bad;
  }
}

TEST(PercentDecode, DecodesAndRefusesBrokenEscapes) {
  EXPECT_EQ(http::percent_decode("%2B08:00"), "+08:00");
  EXPECT_EQ(http::percent_decode("+08:00"), "+08:00");
  EXPECT_EQ(http::percent_decode("person%3a42"), "person:42");
  EXPECT_EQ(http::percent_decode("plain"), "plain");
  EXPECT_FALSE(http::percent_decode("%"));
  EXPECT_FALSE(http::percent_decode("%4"));
  EXPECT_FALSE(http::percent_decode("%zz"));
  EXPECT_FALSE(http::percent_decode("abc%2"));
}

TEST(StaffRoles, ParseOnlyKnownRolesOnce) {
  EXPECT_EQ(store::parse_staff_roles("reviewer,auditor"), (std::vector<std::string>{"reviewer", "auditor"}));
  EXPECT_EQ(store::parse_staff_roles("admin"), (std::vector<std::string>{"admin"}));
  for (const char* bad : {"", ",", "reviewer,", ",auditor", "root", "Reviewer", "reviewer,reviewer", "auditor, admin"})
    EXPECT_FALSE(store::parse_staff_roles(bad)) << bad;
  EXPECT_TRUE(store::valid_staff_username("desk.one-2_b"));
  for (const char* bad : {"ab", "1desk", "Desk", "desk one", "desk@x", "abcdefghijabcdefghijabcdefghijabc"})
    EXPECT_FALSE(store::valid_staff_username(bad)) << bad;
}

TEST(DocumentContent, DecodesChecksSizeAndSignature) {
  // The default profile's limit (document_max_kib 2048).
  const std::size_t kMax = flows::document_max_bytes(*builtin_profile("jilin"));
  ASSERT_EQ(kMax, 2u * 1024 * 1024);
  std::string out;
  EXPECT_EQ(flows::decode_document("JVBERi0xLjc=", kMax, out), ErrorCode::Ok);
  EXPECT_EQ(out, "%PDF-1.7");
  EXPECT_TRUE(flows::content_matches_type(out, "application/pdf"));
  EXPECT_FALSE(flows::content_matches_type(out, "image/png"));
  EXPECT_EQ(flows::decode_document("JVBE\r\nRi0x Ljc=", kMax, out), ErrorCode::Ok) << "line breaks are allowed";
  EXPECT_EQ(flows::decode_document("", kMax, out), ErrorCode::DocumentDataInvalid);
  EXPECT_EQ(flows::decode_document("JVBERi0xLjc", kMax, out), ErrorCode::DocumentDataInvalid) << "padding is required";
  EXPECT_EQ(flows::decode_document("JVBERi0x_jc=", kMax, out), ErrorCode::DocumentDataInvalid) << "base64url is not base64";
  EXPECT_EQ(flows::decode_document(std::string(flows::document_base64_limit(kMax) + 1, 'A'), kMax, out), ErrorCode::DocumentTooLarge);
  const std::string exact(kMax, '\xFF');
  EXPECT_EQ(flows::decode_document(flows::encode_document(exact), kMax, out), ErrorCode::Ok);
  EXPECT_EQ(out.size(), kMax);
  EXPECT_EQ(flows::decode_document(flows::encode_document(exact + "x"), kMax, out), ErrorCode::DocumentTooLarge);
  EXPECT_TRUE(flows::content_matches_type(std::string("\xFF\xD8\xFF\xE1", 4), "image/jpeg"));
  EXPECT_FALSE(flows::content_matches_type(std::string("\xFF\xD8", 2), "image/jpeg"));
  EXPECT_TRUE(flows::content_matches_type(std::string("\x89PNG\r\n\x1A\n\0", 9), "image/png"));
  EXPECT_FALSE(flows::content_matches_type("GIF89a", "image/png"));
  EXPECT_FALSE(flows::content_matches_type("%PDF-", "text/html"));
}

}  // namespace
}  // namespace uia
