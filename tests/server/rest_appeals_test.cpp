// Appeals (账号申诉, issue 16), the appellant's side over HTTP: the catalogue, the registry
// lookup, filing each kind, materials, submission, 申诉进度查询, one open appeal per phone /
// USCC (also under concurrent filings), and drafts the sweep deletes.
#include <atomic>
#include <thread>
#include <vector>

#include "appeals/appeals.h"
#include "flows/expiry/expired_rows.h"
#include "rest_appeals_support.h"

namespace uia::rest {
namespace {

using RestAppeals = RestAppealsTest;

TEST_F(RestAppeals, KindsListTheFiveKindsWithTheirMaterials) {
  const Reply r = get("/api/v1/appeals/kinds");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["kinds"].size(), 5u);
  EXPECT_GT(r.json.value("document_max_kib", 0), 0);
  const auto& account = r.json["kinds"][2];
  EXPECT_EQ(account.value("code", ""), "enterprise_account");
  EXPECT_EQ(account.value("party", ""), "enterprise");
  EXPECT_EQ(account["required_materials"].size(), 5u);
  EXPECT_EQ(account["required_materials"][1].value("code", ""), "authorisation_letter");
  EXPECT_EQ(account["required_materials"][1].value("label", ""), "申诉授权书");
}

TEST_F(RestAppeals, EnterpriseLookupShowsTheRegistryNameMaskedAndRefusesUnknownOrBadCodes) {
  const std::string uscc = unique_uscc();
  const Reply seeded = request("PUT", "/api/dev/registry/" + uscc,
                               nlohmann::json{{"name", "长春星河科技有限公司"}, {"legal_rep_name", "赵法人"},
                                              {"legal_rep_id_number", make_resident_id({1970, 1, 2})}}
                                   .dump());
  ASSERT_EQ(seeded.status, 200) << seeded.body;
  const Reply found = get("/api/v1/appeals/enterprise?uscc=" + uscc);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json.value("name", ""), "长春****有限公司");
  EXPECT_EQ(found.json.value("uscc", ""), uscc);

  const Reply unknown = get("/api/v1/appeals/enterprise?uscc=" + unique_uscc());
  expect_error(unknown, 404, "APPEAL_ENTERPRISE_UNKNOWN", "uscc");
  std::string bad = unique_uscc();
  bad[17] = bad[17] == '0' ? '1' : '0';
  expect_error(get("/api/v1/appeals/enterprise?uscc=" + bad), 400, "USCC_INVALID", "uscc");
  expect_error(get("/api/v1/appeals/enterprise"), 400, "FIELD_REQUIRED", "uscc");
}

TEST_F(RestAppeals, APhoneClaimIsFiledUploadedSubmittedAndFollowed) {
  const std::string phone = unique_phone();
  const Filed f = file_ok(phone_taken(phone, make_resident_id({1988, 8, 8})));
  EXPECT_EQ(f.reply.json.value("status", ""), "draft");
  EXPECT_EQ(f.case_number.size(), 16u);
  EXPECT_EQ(f.case_number.substr(0, 10), "SS20261125");  // the date in Beijing
  EXPECT_EQ(f.reply.json["required_materials"], nlohmann::json({"id_front", "id_back", "id_handheld"}));
  EXPECT_EQ(f.reply.json.value("upload_expires_in", 0), 24 * 3600);
  // The password is kept only as a hash inside the sealed details.
  EXPECT_EQ(count_rows("appeal_cases", "details_enc LIKE '%Appeal#2026new%'"), 0);

  const Reply submitted = complete(f);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json.value("status", ""), "submitted");
  // Filed Wednesday 2026-11-25 20:00 in Beijing: due one working day later.
  EXPECT_EQ(submitted.json.value("due_at", ""), "2026-11-26T12:00:00Z");
  const auto sms = newest_sms(phone);
  EXPECT_NE(sms.value("text", "").find(f.case_number), std::string::npos) << sms.dump();
  EXPECT_NE(sms.value("text", "").find("一个工作日内审核"), std::string::npos) << sms.dump();

  next_minute();
  const Reply seen = progress(f.case_number, phone);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json.value("status", ""), "submitted");
  EXPECT_EQ(seen.json.value("status_label", ""), "已提交，等待审核");
  EXPECT_EQ(seen.json.value("kind_label", ""), "手机号被他人注册");
  EXPECT_EQ(seen.json.value("due_at", ""), "2026-11-26T12:00:00Z");
  EXPECT_TRUE(seen.json["reason"].is_null());
  EXPECT_EQ(seen.json["events"][0].value("action", ""), "filed");
  EXPECT_EQ(count_rows("audit_log", "action = 'appeal.filed' AND result = 'ok'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'appeal.material_added' AND result = 'ok'"), 3);
  EXPECT_EQ(count_rows("audit_log", "action = 'appeal.submitted' AND result = 'ok'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'appeal.progress_read' AND result = 'ok'"), 1);
}

TEST_F(RestAppeals, EveryKindIsFiledWithItsOwnFields) {
  file_ok(id_taken(make_resident_id({1979, 4, 4}), "钱多多", unique_phone()));
  file_ok(enterprise_account(unique_uscc(), unique_phone()));
  const Filed assist = file_ok(register_assist(unique_uscc(), unique_phone(), make_resident_id({1966, 6, 6})));
  EXPECT_EQ(assist.reply.json["required_materials"].size(), 7u);
  file_ok(info_change(unique_uscc(), unique_phone(), unique_phone()));
  EXPECT_EQ(count_rows("appeal_cases", "status = 'draft'"), 4);
  EXPECT_EQ(count_rows("appeal_case_events", "action = 'filed'"), 4);
}

TEST_F(RestAppeals, BadFilingsAreRefusedOnTheirFieldAndStoreNothing) {
  const std::string phone = unique_phone();
  nlohmann::json body = phone_taken(phone, make_resident_id({1988, 8, 8}));
  body["kind"] = "phone_lost";
  expect_error(post("/api/v1/appeals", body), 400, "APPEAL_KIND_INVALID", "kind");
  body = phone_taken(phone, with_wrong_check_char(make_resident_id({1988, 8, 8})));
  body["sms_code"] = "123456";
  EXPECT_EQ(post("/api/v1/appeals", body).error_field(), "id_number");
  body = phone_taken(phone, make_resident_id({1988, 8, 8}));
  body["password"] = "short";
  body["sms_code"] = "123456";
  EXPECT_EQ(post("/api/v1/appeals", body).error_field(), "password");
  body = phone_taken(phone, make_resident_id({1988, 8, 8}));
  std::string remark;
  for (int i = 0; i < kAppealRemarkMaxChars + 1; ++i) remark += "申";
  body["remark"] = remark;
  body["sms_code"] = "123456";
  expect_error(post("/api/v1/appeals", body), 400, "APPEAL_REMARK_TOO_LONG", "remark");
  nlohmann::json nothing = {{"kind", "enterprise_info_change"}, {"uscc", unique_uscc()}, {"phone", phone},
                            {"sms_code", "123456"}};
  expect_error(post("/api/v1/appeals", nothing), 400, "APPEAL_NOTHING_TO_CHANGE");
  // A wrong SMS code, and a wrong captcha where the form has one.
  body = phone_taken(phone, make_resident_id({1988, 8, 8}));
  ASSERT_FALSE(sms_code(phone, "appeal").empty());
  body["sms_code"] = "000000";
  expect_error(post("/api/v1/appeals", body), 400, "SMS_CODE_INVALID", "sms_code");
  nlohmann::json wrong_captcha = id_taken(make_resident_id({1979, 4, 4}), "钱多多", phone);
  wrong_captcha["captcha_answer"] = "nope";
  wrong_captcha["sms_code"] = "123456";
  EXPECT_EQ(post("/api/v1/appeals", wrong_captcha).error_field(), "captcha_answer");
  EXPECT_EQ(count_rows("appeal_cases"), 0);
}

TEST_F(RestAppeals, MaterialsMustBeOfTheirTypeSizeAndKind) {
  const Filed f = file_ok(phone_taken(unique_phone(), make_resident_id({1988, 8, 8})));
  expect_error(upload(f, "id_front", "image/png", jpeg_bytes()), 400, "DOCUMENT_CONTENT_MISMATCH", "data");
  expect_error(upload(f, "id_front", "application/pdf", "<html>not a pdf</html>"), 400, "DOCUMENT_CONTENT_MISMATCH", "data");
  expect_error(upload(f, "id_front", "text/html", "<html></html>"), 400, "DOCUMENT_TYPE_INVALID", "content_type");
  const std::size_t max = flows::document_max_bytes(platform_->services.profile());
  expect_error(upload(f, "id_front", "image/jpeg", jpeg_bytes() + std::string(max, 'x')), 400, "DOCUMENT_TOO_LARGE", "data");
  expect_error(upload(f, "business_licence", "image/jpeg", jpeg_bytes()), 400, "APPEAL_MATERIAL_KIND_INVALID", "kind");
  expect_error(upload(f, "selfie", "image/jpeg", jpeg_bytes()), 400, "APPEAL_MATERIAL_KIND_INVALID", "kind");
  expect_error(upload(f, "id_front", "image/jpeg", jpeg_bytes(), "not-the-token"), 401, "APPEAL_UPLOAD_TOKEN_INVALID");
  EXPECT_EQ(count_rows("appeal_materials"), 0);

  // Accepted: JPEG, PNG, PDF; a kind uploaded again replaces the earlier file; a file can go.
  const Reply first = upload(f, "id_front", "image/jpeg", jpeg_bytes());
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json.value("size", 0), static_cast<int>(jpeg_bytes().size()));
  ASSERT_EQ(upload(f, "id_front", "image/png", png_bytes()).status, 201);
  const Reply bill = upload(f, "phone_bill", "application/pdf", pdf_bytes());
  ASSERT_EQ(bill.status, 201) << bill.body;
  EXPECT_EQ(count_rows("appeal_materials"), 2);
  EXPECT_EQ(count_rows("appeal_materials", "content_type = 'image/png'"), 1);
  const std::string bill_path =
      "/api/v1/appeals/" + f.case_number + "/materials/" + std::to_string(bill.json.value("material_id", 0LL));
  EXPECT_EQ(request("DELETE", bill_path, "", {}, "X-Upload-Token: wrong\r\n").status, 401);
  EXPECT_EQ(request("DELETE", bill_path, "", {}, "X-Upload-Token: " + f.token + "\r\n").status, 204);
  EXPECT_EQ(request("DELETE", bill_path, "", {}, "X-Upload-Token: " + f.token + "\r\n").status, 404);
  EXPECT_EQ(count_rows("appeal_materials"), 1);
  // Stored sealed: the file's bytes are not in the table.
  EXPECT_EQ(count_rows("appeal_materials", "data_enc LIKE '%pppppppp%'"), 0);
}

TEST_F(RestAppeals, SubmissionNeedsEveryRequiredMaterialAndEndsChanges) {
  const Filed f = file_ok(enterprise_account(unique_uscc(), unique_phone()));
  ASSERT_EQ(upload(f, "business_licence", "application/pdf", pdf_bytes()).status, 201);
  const Reply early = submit(f);
  expect_error(early, 409, "APPEAL_MATERIALS_MISSING");
  EXPECT_EQ(early.json["error"]["missing"],
            nlohmann::json({"authorisation_letter", "legal_rep_id_front", "legal_rep_id_back", "legal_rep_handheld"}));
  ASSERT_EQ(complete(f).status, 200);
  expect_error(upload(f, "other", "image/jpeg", jpeg_bytes()), 409, "APPEAL_NOT_DRAFT");
  expect_error(submit(f), 409, "APPEAL_NOT_DRAFT");
}

TEST_F(RestAppeals, OneOpenAppealPerPhoneAndPerUscc) {
  const std::string phone = unique_phone();
  file_ok(phone_taken(phone, make_resident_id({1988, 8, 8})));
  next_minute();
  expect_error(file(phone_taken(phone, make_resident_id({1977, 7, 7}))), 409, "APPEAL_ALREADY_OPEN");
  const std::string uscc = unique_uscc();
  file_ok(enterprise_account(uscc, unique_phone()));
  expect_error(file(info_change(uscc, unique_phone(), unique_phone())), 409, "APPEAL_ALREADY_OPEN");
  EXPECT_EQ(count_rows("appeal_cases"), 2);
}

TEST_F(RestAppeals, ConcurrentFilingsForOneUsccOpenExactlyOneCase) {
  const std::string uscc = unique_uscc();
  constexpr int kFilings = 4;
  std::vector<nlohmann::json> bodies;
  for (int i = 0; i < kFilings; ++i) {
    nlohmann::json body = enterprise_account(uscc, unique_phone());
    body["sms_code"] = sms_code(body["phone"], "appeal");
    bodies.push_back(body);
  }
  std::atomic<int> created{0}, refused{0};
  std::vector<std::thread> threads;
  for (const auto& body : bodies) {
    threads.emplace_back([&, body] {
      const Reply r = post("/api/v1/appeals", body);
      if (r.status == 201) ++created;
      if (r.status == 409 && r.error_code() == "APPEAL_ALREADY_OPEN") ++refused;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(refused.load(), kFilings - 1);
  EXPECT_EQ(count_rows("appeal_cases"), 1);
  EXPECT_EQ(count_rows("appeal_open_keys"), 2);  // the USCC and the one contact phone
}

TEST_F(RestAppeals, ProgressAnswersOnlyTheCaseNumberWithItsPhone) {
  const std::string phone = unique_phone();
  const Filed f = file_ok(phone_taken(phone, make_resident_id({1988, 8, 8})));
  expect_error(progress(f.case_number, unique_phone()), 404, "APPEAL_NOT_FOUND", "case_number");
  next_minute();
  expect_error(progress("SS20261125000000", phone), 404, "APPEAL_NOT_FOUND", "case_number");
  next_minute();
  ASSERT_FALSE(sms_code(phone, "appeal").empty());
  const Reply bad_code = post("/api/v1/appeals/progress", {{"case_number", f.case_number}, {"phone", phone}, {"sms_code", "000000"}});
  expect_error(bad_code, 400, "SMS_CODE_INVALID", "sms_code");
  EXPECT_EQ(count_rows("audit_log", "action = 'appeal.progress_read' AND result = 'denied'"), 2);
}

TEST_F(RestAppeals, ADraftNotSubmittedInTimeIsSweptAndFreesItsPhone) {
  const std::string phone = unique_phone();
  const Filed f = file_ok(phone_taken(phone, make_resident_id({1988, 8, 8})));
  ASSERT_EQ(upload(f, "id_front", "image/jpeg", jpeg_bytes()).status, 201);
  advance(std::chrono::hours(23));
  EXPECT_EQ(flows::sweep_expired_rows(platform_->services).appeal_drafts, 0);
  advance(std::chrono::hours(1));
  expect_error(upload(f, "id_back", "image/jpeg", jpeg_bytes()), 401, "APPEAL_UPLOAD_TOKEN_INVALID");
  EXPECT_EQ(flows::sweep_expired_rows(platform_->services).appeal_drafts, 1);
  EXPECT_EQ(count_rows("appeal_cases"), 0);
  EXPECT_EQ(count_rows("appeal_materials"), 0);
  EXPECT_EQ(count_rows("appeal_open_keys"), 0);
  file_ok(phone_taken(phone, make_resident_id({1988, 8, 8})));
}

TEST_F(RestAppeals, TheAuthorisationLetterTemplateDownloads) {
  const Reply r = get("/api/v1/appeals/templates/authorisation-letter");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("content-disposition").rfind("attachment;", 0), 0u) << r.header("content-disposition");
  EXPECT_NE(r.body.find("申诉授权书"), std::string::npos);
  EXPECT_NE(r.body.find("统一社会信用代码"), std::string::npos);
}

}  // namespace
}  // namespace uia::rest
