// Registrations that wait for back-office review: the upload token from registration, document
// uploads (kind, type, size and magic-byte checks; sealed at rest), the reviewers' queue, the
// unmasked (and audited) read, approval and rejection, and what the person learns afterwards.
#include <soci/soci.h>

#include <thread>

#include "rest_staff_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], kAlphabet[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF passport photo page of the applicant";
const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "residence permit scan";
const std::string kPdf = "%PDF-1.7 other supporting document";

class RestReview : public RestStaffTest {
 protected:
  struct Application {
    Applicant applicant;
    long long person_id = 0;
    std::string upload_token;
  };
  Application apply() {
    Application out;
    out.applicant = passport_applicant();
    const Reply registered = register_person(out.applicant);
    EXPECT_EQ(registered.status, 201) << registered.body;
    EXPECT_EQ(registered.json.value("status", ""), "pending_review");
    EXPECT_EQ(registered.json.value("next", ""), "upload_documents");
    EXPECT_EQ(registered.json.value("upload_expires_in", 0), 86400);
    out.person_id = registered.json.value("person_id", 0LL);
    out.upload_token = registered.json.value("upload_token", "");
    EXPECT_GE(out.upload_token.size(), 40u);
    return out;
  }
  Reply upload(long long person_id, const std::string& token, const nlohmann::json& body) {
    return request("POST", "/api/v1/persons/" + std::to_string(person_id) + "/documents", body.dump(), {},
                   token.empty() ? "" : "X-Upload-Token: " + token + "\r\n");
  }
  Reply upload_file(const Application& app, const std::string& kind, const std::string& type, const std::string& bytes) {
    return upload(app.person_id, app.upload_token, {{"kind", kind}, {"content_type", type}, {"data", base64(bytes)}});
  }
  Reply decide(long long person_id, const nlohmann::json& body, const Caller& staff) {
    return post("/api/v1/admin/reviews/" + std::to_string(person_id), body, staff);
  }
};

TEST_F(RestReview, UploadReviewApproveAndSignIn) {
  const Application app = apply();
  EXPECT_EQ(count_rows("upload_tokens", "token_hash = '" + app.upload_token + "'"), 0) << "stored hashed";
  const Reply stored = upload_file(app, "passport_photo_page", "image/jpeg", kJpeg);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(stored.json.value("size", 0LL), static_cast<long long>(kJpeg.size()));
  ASSERT_EQ(upload_file(app, "other", "application/pdf", kPdf).status, 201);
  EXPECT_EQ(count_rows("person_documents", "person_id = " + std::to_string(app.person_id)), 2);
  {  // sealed at rest: neither the bytes nor their base64 are in the table
    const auto sql = open_database();
    std::string sealed;
    *sql << "SELECT data_enc FROM person_documents WHERE kind = 'passport_photo_page'", soci::into(sealed);
    EXPECT_EQ(sealed.find("JFIF"), std::string::npos);
    EXPECT_EQ(sealed.find(base64(kJpeg).substr(0, 20)), std::string::npos);
    EXPECT_EQ(sealed.rfind("a1.", 0), 0u) << sealed.substr(0, 10);
  }

  const Caller reviewer = signed_in_staff("reviewer1", "reviewer");
  const Reply queue = get("/api/v1/admin/reviews?status=pending", reviewer);
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json["reviews"].size(), 1u) << queue.body;
  const auto& item = queue.json["reviews"][0];
  EXPECT_EQ(item["person_id"], app.person_id);
  EXPECT_EQ(item["name"], "J*** S****");
  EXPECT_EQ(item["documents"], 2);
  EXPECT_EQ(queue.body.find(app.applicant.id_number), std::string::npos) << "the queue is masked";

  const Reply one = get("/api/v1/admin/reviews/" + std::to_string(app.person_id), reviewer);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json["name"], "John Smith");
  EXPECT_EQ(one.json["id_number"], app.applicant.id_number);
  EXPECT_EQ(one.json["birth_date"], "1980-01-02");
  EXPECT_EQ(one.json["status"], "pending_review");
  ASSERT_EQ(one.json["documents"].size(), 2u);
  EXPECT_EQ(one.json["documents"][0]["kind"], "passport_photo_page");
  EXPECT_EQ(one.json["documents"][0]["data"], base64(kJpeg));
  EXPECT_EQ(one.json["documents"][1]["content_type"], "application/pdf");
  EXPECT_EQ(count_rows("audit_log", "action = 'review.read' AND actor LIKE 'staff:%' AND target = 'person:" +
                                        std::to_string(app.person_id) + "'"),
            1);

  const Reply approved = decide(app.person_id, {{"decision", "approve"}}, reviewer);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json["status"], "active");
  EXPECT_EQ(approved.json["level"], 2);
  EXPECT_EQ(count_rows("audit_log", "action = 'review.approve' AND result = 'ok' AND actor LIKE 'staff:%'"), 1);
  EXPECT_EQ(count_rows("upload_tokens"), 0) << "the application is closed";
  expect_error(upload_file(app, "other", "application/pdf", kPdf), 401, "UPLOAD_TOKEN_INVALID");

  const Reply signed_in = login(app.applicant.account, app.applicant.password);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(signed_in.json["subject"]["level"], 2);
  expect_error(decide(app.person_id, {{"decision", "reject"}, {"reason", "late"}}, reviewer), 409, "REVIEW_NOT_PENDING");
  EXPECT_EQ(get("/api/v1/admin/reviews", reviewer).json["reviews"].size(), 0u);
  // Decided applications stay readable, with their history.
  const Reply history = get("/api/v1/admin/reviews/" + std::to_string(app.person_id), reviewer);
  ASSERT_EQ(history.status, 200);
  ASSERT_EQ(history.json["history"].size(), 1u);
  EXPECT_EQ(history.json["history"][0]["decision"], "approve");
}

TEST_F(RestReview, RejectionIsExplainedAndTheApplicantMayApplyAgain) {
  const Application app = apply();
  ASSERT_EQ(upload_file(app, "passport_photo_page", "image/png", kPng).status, 201);
  const Caller reviewer = signed_in_staff("reviewer2", "reviewer");
  expect_error(decide(app.person_id, {{"decision", "reject"}}, reviewer), 400, "REVIEW_REASON_REQUIRED", "reason");
  expect_error(decide(app.person_id, {{"decision", "reject"}, {"reason", "   "}}, reviewer), 400, "REVIEW_REASON_REQUIRED",
               "reason");
  const std::string reason = "护照照片页不清晰，请重新上传";
  const Reply rejected = decide(app.person_id, {{"decision", "reject"}, {"reason", reason}}, reviewer);
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json["status"], "rejected");
  EXPECT_EQ(count_rows("registration_reviews", "decision = 'reject'"), 1);

  const Reply refused = login(app.applicant.account, app.applicant.password);
  expect_error(refused, 403, "ACCOUNT_NOT_ACTIVE");
  EXPECT_EQ(refused.json["error"]["status"], "rejected");
  EXPECT_EQ(refused.json["error"]["reason"], reason);
  EXPECT_EQ(refused.json["error"]["next"], "register_again");
  const Reply wrong = login(app.applicant.account, "Wrong#2026pass");
  expect_error(wrong, 401, "CREDENTIALS_INVALID");
  EXPECT_FALSE(wrong.json["error"].contains("reason")) << "the reason only after the password";

  // The same person applies again: same document, account name and phone.
  advance(2min);  // the phone's SMS resend interval
  const Reply again = register_person(app.applicant);
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json["status"], "pending_review");
  EXPECT_NE(again.json.value("person_id", 0LL), app.person_id);
  EXPECT_EQ(count_rows("persons", "id = " + std::to_string(app.person_id) + " AND status = 'deleted'"), 1);
  EXPECT_EQ(count_rows("person_documents", "person_id = " + std::to_string(app.person_id)), 0);
  // Someone else cannot take over a rejected applicant's account name.
  Applicant other = passport_applicant();
  other.account = app.applicant.account;
  expect_error(register_person(other), 409, "ACCOUNT_TAKEN", "account");
}

TEST_F(RestReview, APendingApplicantGetsANewUploadTokenBySigningIn) {
  const Application app = apply();
  advance(25h);
  expect_error(upload_file(app, "other", "image/png", kPng), 401, "UPLOAD_TOKEN_INVALID");
  const Reply refused = login(app.applicant.account, app.applicant.password);
  expect_error(refused, 403, "ACCOUNT_NOT_ACTIVE");
  EXPECT_EQ(refused.json["error"]["status"], "pending_review");
  EXPECT_EQ(refused.json["error"]["next"], "upload_documents");
  EXPECT_EQ(refused.json["error"]["person_id"], app.person_id);
  Application renewed = app;
  renewed.upload_token = refused.json["error"].value("upload_token", "");
  EXPECT_EQ(upload_file(renewed, "other", "image/png", kPng).status, 201);
}

TEST_F(RestReview, UploadRefusals) {
  const Application app = apply();
  const Application other = apply();
  const nlohmann::json good = {{"kind", "residence_permit"}, {"content_type", "image/png"}, {"data", base64(kPng)}};
  expect_error(upload(app.person_id, "", good), 401, "UPLOAD_TOKEN_INVALID");
  expect_error(upload(app.person_id, "forged-token", good), 401, "UPLOAD_TOKEN_INVALID");
  expect_error(upload(app.person_id, other.upload_token, good), 401, "UPLOAD_TOKEN_INVALID");
  expect_error(request("POST", "/api/v1/persons/abc/documents", good.dump(), {}, "X-Upload-Token: " + app.upload_token + "\r\n"),
               401, "UPLOAD_TOKEN_INVALID");
  expect_error(request("POST", "/api/v1/persons/" + std::to_string(app.person_id) + "/documents", "not json", {},
                       "X-Upload-Token: " + app.upload_token + "\r\n"),
               400, "REQUEST_INVALID");

  const auto with = [&](const char* key, const nlohmann::json& value) {
    nlohmann::json body = good;
    if (value.is_null()) body.erase(key);
    else body[key] = value;
    return upload(app.person_id, app.upload_token, body);
  };
  expect_error(with("kind", nullptr), 400, "FIELD_REQUIRED", "kind");
  expect_error(with("kind", 7), 400, "FIELD_TYPE", "kind");
  expect_error(with("kind", "selfie"), 400, "DOCUMENT_KIND_INVALID", "kind");
  expect_error(with("content_type", "image/gif"), 400, "DOCUMENT_TYPE_INVALID", "content_type");
  expect_error(with("content_type", "text/html"), 400, "DOCUMENT_TYPE_INVALID", "content_type");
  expect_error(with("data", nullptr), 400, "FIELD_REQUIRED", "data");
  expect_error(with("data", nlohmann::json::array({1, 2})), 400, "FIELD_TYPE", "data");
  expect_error(with("data", "***not base64***"), 400, "DOCUMENT_DATA_INVALID", "data");
  expect_error(with("data", base64(kJpeg)), 400, "DOCUMENT_CONTENT_MISMATCH", "data");
  expect_error(with("data", base64("<html><script>alert(1)</script></html>")), 400, "DOCUMENT_CONTENT_MISMATCH", "data");
  EXPECT_EQ(count_rows("person_documents"), 0);
  // Nothing above was stored; a good file still is.
  EXPECT_EQ(upload(app.person_id, app.upload_token, good).status, 201);
}

TEST_F(RestReview, SizeLimits) {
  const Application app = apply();
  const std::string two_mib = kPdf + std::string(2 * 1024 * 1024 - kPdf.size(), 'x');
  const Reply largest = upload_file(app, "other", "application/pdf", two_mib);
  EXPECT_EQ(largest.status, 201) << largest.body.substr(0, 300);
  expect_error(upload_file(app, "other", "application/pdf", two_mib + "x"), 400, "DOCUMENT_TOO_LARGE", "data");
  // Far beyond the route's limit: refused from the Content-Length before the body is read.
  const Reply huge = upload_file(app, "other", "application/pdf", two_mib + std::string(2 * 1024 * 1024, 'y'));
  EXPECT_TRUE(huge.status == 413 || huge.status == 0) << huge.status;
  if (huge.status == 413) EXPECT_EQ(huge.error_code(), "PAYLOAD_TOO_LARGE");
  // Every other route keeps the small default limit.
  const Reply elsewhere = post("/api/v1/admin/sessions", {{"username", "x"}, {"password", std::string(100 * 1024, 'p')}});
  EXPECT_TRUE(elsewhere.status == 413 || elsewhere.status == 0) << elsewhere.status;
  EXPECT_EQ(count_rows("person_documents"), 1);
}

TEST_F(RestReview, DocumentCountIsCapped) {
  const Application app = apply();
  for (int i = 0; i < 5; ++i) ASSERT_EQ(upload_file(app, "other", "image/png", kPng).status, 201);
  expect_error(upload_file(app, "other", "image/png", kPng), 409, "DOCUMENT_LIMIT_REACHED");
}

TEST_F(RestReview, ReviewerBadInput) {
  const Application app = apply();
  const Caller reviewer = signed_in_staff("reviewer3", "reviewer");
  expect_error(decide(app.person_id, {{"decision", "approve"}}, reviewer), 409, "REVIEW_DOCUMENTS_MISSING");
  expect_error(decide(app.person_id, {{"decision", "maybe"}}, reviewer), 400, "REVIEW_DECISION_INVALID", "decision");
  expect_error(decide(app.person_id, {{"reason", "x"}}, reviewer), 400, "FIELD_REQUIRED", "decision");
  expect_error(decide(app.person_id, {{"decision", true}}, reviewer), 400, "FIELD_TYPE", "decision");
  expect_error(decide(app.person_id, {{"decision", "reject"}, {"reason", std::string(5000, 'r')}}, reviewer), 400,
               "FIELD_TYPE", "reason");
  expect_error(post_text("/api/v1/admin/reviews/" + std::to_string(app.person_id), "{", reviewer), 400, "REQUEST_INVALID");
  expect_error(post("/api/v1/admin/reviews/abc", {{"decision", "approve"}}, reviewer), 404, "PERSON_NOT_FOUND");
  expect_error(post("/api/v1/admin/reviews/999999", {{"decision", "approve"}}, reviewer), 404, "PERSON_NOT_FOUND");
  expect_error(get("/api/v1/admin/reviews/12x", reviewer), 404, "PERSON_NOT_FOUND");
  expect_error(get("/api/v1/admin/reviews/99999999999999999999", reviewer), 404, "PERSON_NOT_FOUND");
  expect_error(get("/api/v1/admin/reviews?status=approved", reviewer), 400, "FILTER_INVALID", "status");
  expect_error(get("/api/v1/admin/reviews?limit=0", reviewer), 400, "FILTER_INVALID", "limit");
  expect_error(get("/api/v1/admin/reviews?cursor=x", reviewer), 400, "FILTER_INVALID", "cursor");
  expect_error(get("/api/v1/admin/reviews?order=desc", reviewer), 400, "FILTER_INVALID");
  // A reviewer reads applications, not any person's data.
  const Applicant resident = active_adult();
  const Reply signed_in = login(resident.account, resident.password);
  const long long resident_id = signed_in.json["subject"].value("person_id", 0LL);
  expect_error(get("/api/v1/admin/reviews/" + std::to_string(resident_id), reviewer), 404, "PERSON_NOT_FOUND");
  expect_error(decide(resident_id, {{"decision", "reject"}, {"reason", "x"}}, reviewer), 409, "REVIEW_NOT_PENDING");
  EXPECT_EQ(get("/api/v1/me", bearer_of(signed_in)).json["status"], "active");
  expect_error(get("/api/v1/admin/reviews"), 401, "UNAUTHENTICATED");
}

TEST_F(RestReview, TwoReviewersDecidingAtOnceOneWins) {
  for (int round = 0; round < 3; ++round) {
    const Application app = apply();
    ASSERT_EQ(upload_file(app, "passport_photo_page", "image/jpeg", kJpeg).status, 201);
    const Caller first = signed_in_staff("racer" + std::to_string(round) + "a", "reviewer");
    const Caller second = signed_in_staff("racer" + std::to_string(round) + "b", "reviewer");
    Reply approve, reject;
    std::thread a([&] { approve = decide(app.person_id, {{"decision", "approve"}}, first); });
    std::thread b([&] { reject = decide(app.person_id, {{"decision", "reject"}, {"reason", "unclear"}}, second); });
    a.join();
    b.join();
    ASSERT_TRUE((approve.status == 200 && reject.status == 409) || (approve.status == 409 && reject.status == 200))
        << approve.status << " " << approve.body << " / " << reject.status << " " << reject.body;
    EXPECT_EQ(count_rows("registration_reviews", "person_id = " + std::to_string(app.person_id)), 1);
    const std::string expected = approve.status == 200 ? "active" : "rejected";
    EXPECT_EQ(count_rows("persons", "id = " + std::to_string(app.person_id) + " AND status = '" + expected + "'"), 1);
    advance(std::chrono::minutes(1));
  }
}

TEST_F(RestReview, QueuePagesOldestFirst) {
  const Caller reviewer = signed_in_staff("reviewer4", "reviewer");
  std::vector<long long> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(apply().person_id);
  const Reply first = get("/api/v1/admin/reviews?limit=2", reviewer);
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(first.json["reviews"].size(), 2u);
  EXPECT_EQ(first.json["reviews"][0]["person_id"], ids[0]);
  EXPECT_EQ(first.json["reviews"][1]["person_id"], ids[1]);
  ASSERT_TRUE(first.json["next_cursor"].is_string());
  const Reply second = get("/api/v1/admin/reviews?limit=2&cursor=" + first.json["next_cursor"].get<std::string>(), reviewer);
  ASSERT_EQ(second.json["reviews"].size(), 1u);
  EXPECT_EQ(second.json["reviews"][0]["person_id"], ids[2]);
  EXPECT_TRUE(second.json["next_cursor"].is_null());
}

}  // namespace
}  // namespace uia::rest
