// Back-office casework on appeals (issue 16): the queue and its filters, the unmasked and
// audited case view and material view, claim / release / decision with their conflicts, the
// optional second review, decisions racing, the purge of decided materials, `uia admin cases`,
// and account freeze (every sign-in refused, sessions and tokens ended, audited).
// Cases are seeded through the repository here, so the casework is tested apart from filing;
// tests/server/rest_appeals_test.cpp files real appeals and takes them through approval.
#include <soci/soci.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "cli/admin_command.h"
#include "flows/appeals/material_purge.h"
#include "http/rfc3339.h"
#include "rest_staff_support.h"
#include "store/appeal_repository.h"
#include "store/enterprise_repository.h"

namespace uia::rest {
namespace {

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF id card front of the appellant";

class RestCasework : public RestStaffTest {
 protected:
  store::AppealRepository appeals() { return store::AppealRepository(*platform_->services.cipher); }

  // A submitted case as filing leaves it (or `status` when given), with one material.
  store::AppealCase seed_case(const std::string& kind, const nlohmann::json& details, const std::string& status = "submitted",
                              long long person_id = 0, long long enterprise_id = 0) {
    auto& services = platform_->services;
    store::AppealCase c;
    static std::atomic<int> serial{0};
    c.case_number = "SS20261207" + std::to_string(100000 + serial++);
    c.kind = kind;
    c.status = status;
    c.contact_phone = unique_phone();
    c.contact_phone_index = (*services.blind_index)("phone", c.contact_phone);
    c.details = details.dump();
    c.person_id = person_id;
    c.enterprise_id = enterprise_id;
    const long long now = services.now_seconds();
    c.created_at = c.updated_at = now;
    if (status == "draft") {
      c.draft_expires_at = now + 86400;
    } else {
      c.submitted_at = now;
      c.due_at = now + 86400;
    }
    services.db->transact([&](soci::session& sql) {
      c.id = appeals().insert(sql, c, "");
      EXPECT_TRUE(appeals().claim_open_keys(sql, c.id, {(*services.blind_index)("appeal_open", c.contact_phone)}));
      appeals().add_material(sql, {0, c.id, "id_front", "image/jpeg", static_cast<long long>(kJpeg.size()), kJpeg, now});
    });
    return c;
  }
  store::AppealCase person_case(const std::string& status = "submitted") {
    return seed_case("person_phone_taken",
                     {{"name", "陈小明"}, {"id_type", "resident"}, {"id_number", make_resident_id({1990, 5, 17})},
                      {"phone", "15000000000"}, {"password_hash", "$argon2id$v=19$secret"}},
                     status);
  }
  store::AppealCase enterprise_case() {
    return seed_case("enterprise_account", {{"uscc", unique_uscc()}, {"enterprise_name", "长春星河科技有限公司"},
                                            {"contact_name", "王五"}, {"phone", unique_phone()}});
  }
  std::string path(const store::AppealCase& c, const std::string& rest = "") { return "/api/v1/admin/cases/" + c.case_number + rest; }
  Reply claim(const store::AppealCase& c, const Caller& staff) { return post(path(c, "/claim"), nlohmann::json::object(), staff); }
  Reply decide(const store::AppealCase& c, const Caller& staff, const std::string& decision, const std::string& reason = "") {
    nlohmann::json body = {{"decision", decision}};
    if (!reason.empty()) body["reason"] = reason;
    return post(path(c, "/decision"), body, staff);
  }
  std::string status_of(const store::AppealCase& c) {
    return platform_->services.db->with_session([&](soci::session& sql) { return appeals().find(sql, c.id)->status; });
  }
  long long audits(const std::string& action, const std::string& outcome = "ok") {
    return count_rows("audit_log", "action = '" + action + "' AND result = '" + outcome + "'");
  }
};

TEST_F(RestCasework, TheQueueListsSubmittedCasesMaskedAndFilters) {
  const Caller reviewer = signed_in_staff("case.alice", "reviewer");
  const auto a = person_case();
  const auto b = enterprise_case();
  person_case("draft");  // the appellant's until submitted: never in the queue
  const Reply all = get("/api/v1/admin/cases", reviewer);
  ASSERT_EQ(all.status, 200) << all.body;
  ASSERT_EQ(all.json["cases"].size(), 2u) << all.body;
  const auto& first = all.json["cases"][0];
  EXPECT_EQ(first.value("case_number", ""), a.case_number);
  EXPECT_EQ(first.value("kind_label", ""), "手机号被他人注册");
  EXPECT_EQ(first.value("status_label", ""), "已提交，等待审核");
  EXPECT_EQ(first.value("applicant", ""), "陈**") << "masked";
  EXPECT_EQ(first.value("contact_phone", "").find("****"), 3u) << "masked";
  EXPECT_FALSE(first.value("overdue", true));
  EXPECT_EQ(all.json["cases"][1].value("applicant", "").find("长春星河科技有限公司"), 0u) << "an organisation's name is public";

  const Reply by_kind = get("/api/v1/admin/cases?kind=enterprise_account", reviewer);
  ASSERT_EQ(by_kind.json["cases"].size(), 1u);
  EXPECT_EQ(by_kind.json["cases"][0].value("case_number", ""), b.case_number);
  EXPECT_EQ(get("/api/v1/admin/cases?overdue=true", reviewer).json["cases"].size(), 0u);
  advance(std::chrono::hours(25));
  const Caller reviewer_next_day = signed_in_staff("case.alice2", "reviewer");
  const Reply overdue = get("/api/v1/admin/cases?overdue=true", reviewer_next_day);
  ASSERT_EQ(overdue.json["cases"].size(), 2u) << overdue.body;
  EXPECT_TRUE(overdue.json["cases"][0].value("overdue", false));
  EXPECT_EQ(get("/api/v1/admin/cases?older_than_hours=24", reviewer_next_day).json["cases"].size(), 2u);
  EXPECT_EQ(get("/api/v1/admin/cases?older_than_hours=30", reviewer_next_day).json["cases"].size(), 0u);

  ASSERT_EQ(claim(a, reviewer_next_day).status, 200);
  const Reply mine = get("/api/v1/admin/cases?mine=true", reviewer_next_day);
  ASSERT_EQ(mine.json["cases"].size(), 1u);
  EXPECT_TRUE(mine.json["cases"][0].value("claimed_by_me", false));
  EXPECT_EQ(get("/api/v1/admin/cases?status=in_review", reviewer_next_day).json["cases"].size(), 1u);
  EXPECT_EQ(get("/api/v1/admin/cases?status=open", reviewer_next_day).json["cases"].size(), 2u);
  const Reply page = get("/api/v1/admin/cases?limit=1", reviewer_next_day);
  ASSERT_EQ(page.json["cases"].size(), 1u);
  ASSERT_TRUE(page.json["next_cursor"].is_string());
  const Reply next = get("/api/v1/admin/cases?limit=1&cursor=" + page.json["next_cursor"].get<std::string>(), reviewer_next_day);
  ASSERT_EQ(next.json["cases"].size(), 1u);
  EXPECT_EQ(next.json["cases"][0].value("case_number", ""), b.case_number);

  expect_error(get("/api/v1/admin/cases?kind=nonsense", reviewer_next_day), 400, "APPEAL_KIND_INVALID", "kind");
  expect_error(get("/api/v1/admin/cases?status=draft", reviewer_next_day), 400, "FILTER_INVALID", "status");
  expect_error(get("/api/v1/admin/cases?overdue=yes", reviewer_next_day), 400, "FILTER_INVALID", "overdue");
  expect_error(get("/api/v1/admin/cases?colour=red", reviewer_next_day), 400, "FILTER_INVALID");
  const Caller auditor = signed_in_staff("case.audit", "auditor");
  expect_error(get("/api/v1/admin/cases", auditor), 403, "STAFF_ROLE_REQUIRED");
  EXPECT_EQ(get("/api/v1/admin/cases").status, 401);
}

TEST_F(RestCasework, OneCaseIsShownWholeAndEveryLookIsAudited) {
  const Caller reviewer = signed_in_staff("case.bob", "reviewer");
  const auto c = person_case();
  const Reply shown = get(path(c), reviewer);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.json["details"].value("name", ""), "陈小明") << "unmasked for the reviewer";
  EXPECT_FALSE(shown.json["details"].contains("password_hash")) << "never shown";
  EXPECT_EQ(shown.body.find("argon2"), std::string::npos);
  EXPECT_EQ(shown.json.value("contact_phone", ""), c.contact_phone);
  ASSERT_EQ(shown.json["materials"].size(), 1u);
  EXPECT_EQ(shown.json["materials"][0].value("label", ""), "身份证人像面照片");
  EXPECT_EQ(audits("case.read"), 1);

  const long long material = shown.json["materials"][0].value("id", 0LL);
  const Reply file = get(path(c, "/materials/" + std::to_string(material)), reviewer);
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.json.value("content_type", ""), "image/jpeg");
  EXPECT_EQ(file.json.value("size", 0LL), static_cast<long long>(kJpeg.size()));
  EXPECT_EQ(audits("case.material.read"), 1);
  EXPECT_EQ(get(path(c, "/materials/999999"), reviewer).status, 404);
  EXPECT_EQ(get(path(c, "/materials/abc"), reviewer).status, 404);

  const auto draft = person_case("draft");
  expect_error(get(path(draft), reviewer), 404, "CASE_NOT_FOUND");
  expect_error(get("/api/v1/admin/cases/SS1", reviewer), 404, "CASE_NOT_FOUND");
  expect_error(get("/api/v1/admin/cases/'%20OR%201=1", reviewer), 404, "CASE_NOT_FOUND");
}

TEST_F(RestCasework, ClaimReleaseAndAnotherReviewersCase) {
  const Caller alice = signed_in_staff("case.alice", "reviewer");
  const Caller bob = signed_in_staff("case.bob", "reviewer");
  const auto c = person_case();
  expect_error(decide(c, alice, "reject", "材料不清晰"), 409, "CASE_NOT_CLAIMED");
  const Reply claimed = claim(c, alice);
  ASSERT_EQ(claimed.status, 200) << claimed.body;
  EXPECT_EQ(claimed.json.value("status", ""), "in_review");
  EXPECT_TRUE(claimed.json.value("claimed_by_me", false));
  EXPECT_EQ(claim(c, alice).status, 200) << "claiming one's own case again changes nothing";
  expect_error(claim(c, bob), 409, "CASE_CLAIMED_BY_OTHER");
  expect_error(decide(c, bob, "reject", "不予受理"), 409, "CASE_CLAIMED_BY_OTHER");
  expect_error(post(path(c, "/release"), nlohmann::json::object(), bob), 409, "CASE_NOT_CLAIMED");
  const Reply released = post(path(c, "/release"), nlohmann::json::object(), alice);
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.json.value("status", ""), "submitted");
  EXPECT_EQ(claim(c, bob).status, 200);
  EXPECT_EQ(audits("case.claim"), 2);
  EXPECT_EQ(audits("case.claim", "denied"), 1);
  EXPECT_EQ(audits("case.release"), 1);
  EXPECT_EQ(count_rows("appeal_case_events", "case_id = " + std::to_string(c.id) + " AND action = 'claimed'"), 2);
}

TEST_F(RestCasework, ARejectionNeedsAReasonAndEndsTheCase) {
  const Caller reviewer = signed_in_staff("case.carol", "reviewer");
  const auto c = person_case();
  ASSERT_EQ(claim(c, reviewer).status, 200);
  expect_error(decide(c, reviewer, "reject"), 400, "REVIEW_REASON_REQUIRED", "reason");
  expect_error(decide(c, reviewer, "reject", "　 "), 400, "REVIEW_REASON_REQUIRED", "reason");
  expect_error(decide(c, reviewer, "maybe"), 400, "REVIEW_DECISION_INVALID", "decision");
  std::string long_reason;
  for (int i = 0; i < 501; ++i) long_reason += "字";
  EXPECT_EQ(decide(c, reviewer, "reject", long_reason).status, 400);
  EXPECT_EQ(status_of(c), "in_review") << "bad input changes nothing";

  const Reply rejected = decide(c, reviewer, "reject", "手持身份证照片不清晰，请重新申诉");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json.value("status", ""), "rejected");
  EXPECT_EQ(count_rows("appeal_open_keys", "case_id = " + std::to_string(c.id)), 0) << "the phone may be appealed again";
  expect_error(decide(c, reviewer, "approve"), 409, "CASE_ALREADY_DECIDED");
  expect_error(claim(c, reviewer), 409, "CASE_ALREADY_DECIDED");
  EXPECT_EQ(audits("case.reject"), 1);
  EXPECT_EQ(audits("case.approve", "denied"), 1);
  const Reply shown = get(path(c), reviewer);
  EXPECT_EQ(shown.json.value("reason", ""), "手持身份证照片不清晰，请重新申诉");
  EXPECT_EQ(shown.json["events"].back().value("action", ""), "rejected");
}

TEST_F(RestCasework, AnApprovalThatCannotBeAppliedChangesNothing) {
  const Caller reviewer = signed_in_staff("case.dave", "reviewer");
  // An ID number nobody registered: there is no account to give back.
  const auto c = seed_case("person_id_taken", {{"name", "李四"}, {"id_type", "resident"},
                                               {"id_number", make_resident_id({1985, 3, 9})}, {"phone", unique_phone()},
                                               {"password_hash", "$argon2id$v=19$x"}});
  ASSERT_EQ(claim(c, reviewer).status, 200);
  expect_error(decide(c, reviewer, "approve"), 409, "CASE_APPLY_CONFLICT");
  EXPECT_EQ(status_of(c), "in_review") << "the case's state rolled back with the account change";
  EXPECT_EQ(count_rows("appeal_open_keys", "case_id = " + std::to_string(c.id)), 1);
  EXPECT_EQ(audits("case.approve", "denied"), 1) << "the attempt stays on record";
  EXPECT_EQ(decide(c, reviewer, "reject", "该证件号码尚未注册，请直接注册").status, 200);
}

TEST_F(RestCasework, RacingDecisionsOnOneCaseHaveOneWinner) {
  const Caller reviewer = signed_in_staff("case.erin", "reviewer");
  const auto c = person_case();
  ASSERT_EQ(claim(c, reviewer).status, 200);
  std::atomic<int> decided{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      const Reply r = decide(c, reviewer, "reject", "材料不全");
      if (r.status == 200) ++decided;
      else if (r.status == 409 && r.error_code() == "CASE_ALREADY_DECIDED") ++refused;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(decided.load(), 1);
  EXPECT_EQ(refused.load(), 7);
  EXPECT_EQ(count_rows("appeal_case_events", "case_id = " + std::to_string(c.id) + " AND action = 'rejected'"), 1);
}

TEST_F(RestCasework, DecidedMaterialsArePurgedAfterTheRetentionTime) {
  const Caller reviewer = signed_in_staff("case.fay", "reviewer");
  const auto decided = person_case();
  const auto open = person_case();
  ASSERT_EQ(claim(decided, reviewer).status, 200);
  ASSERT_EQ(decide(decided, reviewer, "reject", "重复申诉").status, 200);
  EXPECT_EQ(flows::purge_decided_materials(platform_->services), 0) << "not yet";
  advance(std::chrono::hours(24 * 91));
  EXPECT_EQ(flows::purge_decided_materials(platform_->services), 1);
  EXPECT_EQ(flows::purge_decided_materials(platform_->services), 0) << "once";
  EXPECT_EQ(count_rows("appeal_materials", "case_id = " + std::to_string(decided.id)), 0);
  EXPECT_EQ(count_rows("appeal_materials", "case_id = " + std::to_string(open.id)), 1) << "an open case keeps its files";
  EXPECT_EQ(audits("case.materials.purged"), 1);
  const Reply shown = get(path(decided), signed_in_staff("case.gus", "reviewer"));  // 91 days on: a new sign-in
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_TRUE(shown.json.value("materials_purged", false));
  EXPECT_EQ(shown.json["materials"].size(), 0u);
  EXPECT_EQ(shown.json.value("reason", ""), "重复申诉") << "the decision itself stays";
}

TEST_F(RestCasework, TheDutyDeskCommandListsOverdueCases) {
  const auto late = person_case();
  advance(std::chrono::hours(30));
  const auto fresh = enterprise_case();
  std::istringstream in;
  std::ostringstream out, err;
  // The key file the server uses: dev mode's beside an SQLite database, the fixture's for MySQL.
  const std::string keys = (std::filesystem::exists(dir_ / "uia.keys") ? dir_ / "uia.keys" : dir_ / "uia.db.keys").string();
  const std::string now = http::format_rfc3339(platform_->services.now_seconds());
  ASSERT_EQ(run_admin_command({"cases", "--db", db_url_, "--keys", keys, "--overdue", "--as-of", now, "--format", "csv"},
                              in, out, err), 0)
      << err.str();
  const std::string csv = out.str();
  EXPECT_EQ(csv.rfind("case_number,kind,", 0), 0u) << csv;
  EXPECT_NE(csv.find(late.case_number + ",person_phone_taken,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",6,"), std::string::npos) << "six hours overdue: " << csv;
  EXPECT_EQ(csv.find(fresh.case_number), std::string::npos) << csv;
  EXPECT_EQ(csv.find("陈小明"), std::string::npos) << "masked";
  std::ostringstream json_out;
  ASSERT_EQ(run_admin_command({"cases", "--db", db_url_, "--keys", keys, "--as-of", now}, in, json_out, err), 0) << err.str();
  EXPECT_NE(json_out.str().find(fresh.case_number), std::string::npos);
  std::ostringstream ignored;
  EXPECT_EQ(run_admin_command({"cases", "--db", db_url_, "--format", "xml"}, in, ignored, err), 2);
  EXPECT_EQ(run_admin_command({"cases", "--db", db_url_, "--as-of", "tomorrow"}, in, ignored, err), 2);
}

class RestCaseworkSecondReview : public RestCasework {
 protected:
  void configure(app::PlatformConfig& config) override {
    config.config_file = dir_ / "second-review.json";
    std::ofstream(config.config_file) << R"({"limits": {"appeal_second_review": 1}})";
  }
};

TEST_F(RestCaseworkSecondReview, AnEnterpriseCaseNeedsASecondReviewerWhoIsNotTheFirst) {
  const Caller alice = signed_in_staff("case.alice", "reviewer");
  const Caller bob = signed_in_staff("case.bob", "reviewer");
  const auto c = enterprise_case();
  ASSERT_EQ(claim(c, alice).status, 200);
  const Reply first = decide(c, alice, "approve", "材料齐全");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json.value("status", ""), "awaiting_second");
  expect_error(claim(c, alice), 409, "CASE_OWN_FIRST_REVIEW");
  const Reply second = claim(c, bob);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json.value("status", ""), "second_review");
  ASSERT_EQ(decide(c, bob, "reject", "授权书未加盖公章").status, 200);
  EXPECT_EQ(status_of(c), "rejected");
  EXPECT_EQ(audits("case.first_approve"), 1);
}

// ---- account freeze ----------------------------------------------------------------------

TEST_F(RestCasework, AFrozenPersonCannotSignInAndTheSessionsEnd) {
  const Caller reviewer = signed_in_staff("desk.gao", "reviewer");
  const Applicant person = active_adult();
  const Reply signed_in = login(person.phone, person.password);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const Caller session = bearer_of(signed_in);
  const Reply found = get("/api/v1/admin/accounts?phone=" + person.phone, reviewer);
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json["accounts"].size(), 1u);
  EXPECT_FALSE(found.json["accounts"][0].value("frozen", true));
  EXPECT_EQ(found.json["accounts"][0].value("name", ""), "陈**");
  const std::string base = "/api/v1/admin/persons/" + std::to_string(found.json["accounts"][0].value("id", 0LL));

  expect_error(post(base + "/freeze", nlohmann::json::object(), reviewer), 400, "FREEZE_REASON_REQUIRED", "reason");
  const Reply frozen = post(base + "/freeze", {{"reason", "账号被盗用，用户来电申请冻结"}}, reviewer);
  ASSERT_EQ(frozen.status, 200) << frozen.body;
  EXPECT_TRUE(frozen.json.value("frozen", false));
  EXPECT_EQ(get("/api/v1/me", session).status, 401) << "the session ended at once";
  expect_error(login(person.phone, person.password), 403, "ACCOUNT_FROZEN");
  EXPECT_EQ(login(person.phone, "Wrong#pass2026").status, 401) << "a guesser learns nothing";
  advance(std::chrono::seconds(61));  // the per-phone SMS limit: one code a minute
  expect_error(sms_login(person.phone), 403, "ACCOUNT_FROZEN");
  expect_error(post(base + "/freeze", {{"reason", "again"}}, reviewer), 409, "ACCOUNT_ALREADY_FROZEN");
  EXPECT_TRUE(get("/api/v1/admin/accounts?phone=" + person.phone, reviewer).json["accounts"][0].value("frozen", false));

  ASSERT_EQ(post(base + "/unfreeze", {{"reason", "用户已修改密码，核实后解冻"}}, reviewer).status, 200);
  expect_error(post(base + "/unfreeze", {{"reason", "again"}}, reviewer), 409, "ACCOUNT_NOT_FROZEN");
  EXPECT_EQ(login(person.phone, person.password).status, 201);
  EXPECT_EQ(audits("account.freeze"), 1);
  EXPECT_EQ(audits("account.unfreeze"), 1);
  EXPECT_EQ(audits("account.freeze", "denied"), 1);
  expect_error(post("/api/v1/admin/persons/99999999/freeze", {{"reason", "x"}}, reviewer), 404, "ACCOUNT_NOT_FOUND");
  const Caller auditor = signed_in_staff("desk.audit", "auditor");
  expect_error(post(base + "/freeze", {{"reason", "x"}}, auditor), 403, "STAFF_ROLE_REQUIRED");
  expect_error(get("/api/v1/admin/accounts?phone=1&uscc=2", reviewer), 400, "FILTER_INVALID");
}

TEST_F(RestCasework, AFrozenEnterpriseCannotSignIn) {
  const Caller reviewer = signed_in_staff("desk.hu", "reviewer");
  auto& services = platform_->services;
  store::Enterprise e;
  e.uscc = unique_uscc();
  e.account = unique_account();
  e.name = "长春星河科技有限公司";
  e.org_type = "enterprise";
  e.rep_name = "王五";
  e.rep_id_type = "resident";
  e.rep_id_number = make_resident_id({1980, 1, 2});
  e.phone = unique_phone();
  e.password_hash = services.passwords->hash("Ent#2026pass");
  e.status = store::EnterpriseStatus::Active;
  e.registry_confirmed = true;
  e.created_at = e.updated_at = services.now_seconds();
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const long long id = services.db->transact([&](soci::session& sql) { return enterprises.insert(sql, e); });
  const auto enterprise_login = [&] {
    const Captcha c = captcha();
    return post("/api/v1/sessions", {{"method", "enterprise_password"}, {"identifier", e.uscc}, {"password", "Ent#2026pass"},
                                     {"captcha_id", c.id}, {"captcha_answer", c.answer}});
  };
  const Reply before = enterprise_login();
  ASSERT_EQ(before.status, 201) << before.body;
  const Reply found = get("/api/v1/admin/accounts?uscc=" + e.uscc, reviewer);
  ASSERT_EQ(found.json["accounts"].size(), 1u) << found.body;
  EXPECT_EQ(found.json["accounts"][0].value("id", 0LL), id);
  const std::string base = "/api/v1/admin/enterprises/" + std::to_string(id);
  ASSERT_EQ(post(base + "/freeze", {{"reason", "工商登记已注销"}}, reviewer).status, 200);
  EXPECT_EQ(get("/api/v1/me", bearer_of(before)).status, 401);
  expect_error(enterprise_login(), 403, "ACCOUNT_FROZEN");
  ASSERT_EQ(post(base + "/unfreeze", {{"reason", "恢复经营"}}, reviewer).status, 200);
  EXPECT_EQ(enterprise_login().status, 201);
}

}  // namespace
}  // namespace uia::rest
