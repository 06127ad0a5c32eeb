// Between persons over HTTP (seed 000 四、(6) 代办管理): my messages (我的消息), relatives (亲属;
// police check of every relative, a face check from 16 on) and authorization relations between
// two registered persons (授权; the grantor's face, the grantee's confirmation within 24 hours,
// either side ends). Every state transition is driven, including the refused ones.
#include "personal_centre_support.h"

namespace uia::rest {
namespace {

constexpr long long kMaxRelatives = 20;  // flows/relatives/relatives.h

class RelationsTest : public PersonalCentreTest {
 protected:
  // A relative of 11 (born 2015): no validity dates, no face check.
  static nlohmann::json child_relative(const std::string& name = "陈小宝") {
    return {{"relation", "child"}, {"name", name}, {"id_type", "resident"}, {"id_number", make_resident_id({2015, 3, 1})}};
  }
  // A relative of 66 (born 1960; card issued at 50: long-term): needs a face check.
  static nlohmann::json adult_relative(const std::string& name = "陈大山") {
    return {{"relation", "parent"},       {"name", name},
            {"id_type", "resident"},      {"id_number", make_resident_id({1960, 8, 8})},
            {"id_valid_from", "2010-09-01"}, {"id_valid_to", "long_term"}};
  }
  nlohmann::json relatives_of(const Caller& caller) {
    const Reply listed = get("/api/v1/me/relatives", caller);
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json.is_object() ? listed.json["relatives"] : nlohmann::json::array();
  }

  // Grantor authorizes grantee; the grantor's face check answered with `face` ("pass", "fail"
  // or "" to leave it running). Returns the created relation's JSON.
  nlohmann::json authorize(const SignedIn& grantor, const SignedIn& grantee, const std::string& face = "pass") {
    const Reply created = post("/api/v1/me/delegations", grant_body(grantee), grantor.caller);
    EXPECT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json.value("state", ""), "awaiting_face") << created.body;
    if (!face.empty()) {
      const Reply done = complete_face(created.json.value("face_ticket", "none"), face);
      EXPECT_EQ(done.status, 200) << done.body;
    }
    return created.json;
  }
  static nlohmann::json grant_body(const SignedIn& grantee) {
    return {{"name", grantee.applicant.name},
            {"id_number", grantee.applicant.id_number},
            {"phone", grantee.applicant.phone},
            {"scope", "all"},
            {"valid_to", "2027-11-25"}};
  }
  // The relation `id` as `caller` sees it in the given or received list (null when absent).
  nlohmann::json relation(const Caller& caller, const std::string& list, long long id) {
    const Reply listed = get("/api/v1/me/delegations/" + list, caller);
    EXPECT_EQ(listed.status, 200) << listed.body;
    if (!listed.json.is_object()) return nullptr;
    for (const auto& d : listed.json["delegations"])
      if (d.value("id", 0LL) == id) return d;
    return nullptr;
  }
  Reply act(const std::string& action, long long id, const Caller& caller) {
    return post("/api/v1/me/delegations/" + std::to_string(id) + "/" + action, nlohmann::json::object(), caller);
  }
  nlohmann::json messages_of(const Caller& caller, const std::string& query = "") {
    const Reply listed = get("/api/v1/me/messages" + query, caller);
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json;
  }
  // The kinds of the caller's messages, newest first.
  std::vector<std::string> message_kinds(const Caller& caller) {
    std::vector<std::string> kinds;
    const nlohmann::json inbox = messages_of(caller, "?per_page=100");
    if (inbox.is_object())
      for (const auto& m : inbox["messages"]) kinds.push_back(m.value("kind", ""));
    return kinds;
  }
  long long audits(const std::string& where) { return count_rows("audit_log", where); }
  // Moves the clock on by more than a session lives: the people sign in again afterwards.
  void pass_time(std::chrono::seconds by, std::initializer_list<SignedIn*> people) {
    advance(by);
    for (SignedIn* p : people) {
      const Reply again = login(p->applicant.account, p->applicant.password);
      ASSERT_EQ(again.status, 201) << again.body;
      p->caller = bearer_of(again);
    }
  }
};

// ---- relatives ----------------------------------------------------------------------------

class RestRelatives : public RelationsTest {};

TEST_F(RestRelatives, AChildUnder16IsVerifiedAtOnceWithoutAFaceCheckAndIsMaskedAndSealed) {
  const SignedIn s = signed_in_adult();
  const nlohmann::json body = child_relative();
  const std::string id_number = body["id_number"];
  const Reply created = post("/api/v1/me/relatives", body, s.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json.value("status", ""), "verified");
  EXPECT_FALSE(created.json.contains("face_ticket"));
  EXPECT_EQ(created.json.value("age", 0), 11);
  EXPECT_EQ(created.json.value("relation_label", ""), "子女");
  EXPECT_TRUE(created.json["id_valid_from"].is_null());
  const nlohmann::json all = relatives_of(s.caller);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value("name", ""), "陈**");
  EXPECT_EQ(all[0].value("id_number", ""), id_number.substr(0, 6) + "********" + id_number.substr(14));
  EXPECT_EQ(created.body.find(id_number), std::string::npos);
  EXPECT_EQ(count_rows("relatives", "id_number_enc LIKE '%" + id_number + "%'"), 0) << "sealed at rest";
  EXPECT_EQ(count_rows("face_checks", "purpose = 'relative'"), 0);
  EXPECT_EQ(audits("action = 'relative.create' AND actor = 'person:" + std::to_string(s.person_id) + "'"), 1);
}

TEST_F(RestRelatives, ARelativeOf16AndOverStaysUnverifiedUntilTheFaceCheckPasses) {
  const SignedIn s = signed_in_adult();
  const Reply created = post("/api/v1/me/relatives", adult_relative(), s.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json.value("status", ""), "pending_face");
  EXPECT_TRUE(created.json.value("face_needed", false));
  const std::string ticket = created.json.value("face_ticket", "");
  ASSERT_FALSE(ticket.empty());
  EXPECT_EQ(relatives_of(s.caller)[0].value("status", ""), "pending_face");
  ASSERT_EQ(complete_face(ticket, "pass").status, 200);
  EXPECT_EQ(relatives_of(s.caller)[0].value("status", ""), "verified");
  EXPECT_FALSE(relatives_of(s.caller)[0].value("face_needed", true));
  // The same ticket cannot be answered twice.
  EXPECT_EQ(complete_face(ticket, "fail").status, 404);
  EXPECT_EQ(relatives_of(s.caller)[0].value("status", ""), "verified");
}

TEST_F(RestRelatives, AFailedFaceCheckLeavesTheRelativeUnverifiedUntilANewCheckPasses) {
  const SignedIn s = signed_in_adult();
  const Reply created = post("/api/v1/me/relatives", adult_relative(), s.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = created.json.value("id", 0LL);
  ASSERT_EQ(complete_face(created.json.value("face_ticket", ""), "fail").status, 200);
  EXPECT_EQ(relatives_of(s.caller)[0].value("status", ""), "face_failed");
  const std::string path = "/api/v1/me/relatives/" + std::to_string(id) + "/face";
  const Reply again = post(path, nlohmann::json::object(), s.caller);
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json.value("status", ""), "pending_face");
  const std::string second = again.json.value("face_ticket", "");
  ASSERT_FALSE(second.empty());
  // A third check supersedes the second: only the newest can verify.
  const Reply third = post(path, nlohmann::json::object(), s.caller);
  ASSERT_EQ(third.status, 201) << third.body;
  EXPECT_EQ(complete_face(second, "pass").status, 404);
  EXPECT_EQ(relatives_of(s.caller)[0].value("status", ""), "pending_face");
  ASSERT_EQ(complete_face(third.json.value("face_ticket", ""), "pass").status, 200);
  EXPECT_EQ(relatives_of(s.caller)[0].value("status", ""), "verified");
  expect_error(post(path, nlohmann::json::object(), s.caller), 409, "RELATIVE_FACE_NOT_NEEDED");
  // A child never needs one.
  const Reply child = post("/api/v1/me/relatives", child_relative(), s.caller);
  expect_error(post("/api/v1/me/relatives/" + std::to_string(child.json.value("id", 0LL)) + "/face",
                    nlohmann::json::object(), s.caller),
               409, "RELATIVE_FACE_NOT_NEEDED");
}

TEST_F(RestRelatives, RefusesBadInputWithTheFieldAtFault) {
  const SignedIn s = signed_in_adult();
  nlohmann::json body = child_relative();
  body["relation"] = "cousin_twice_removed";
  expect_error(post("/api/v1/me/relatives", body, s.caller), 400, "RELATION_INVALID", "relation");
  body = child_relative();
  body["id_number"] = with_wrong_check_char(body["id_number"]);
  const Reply bad_id = post("/api/v1/me/relatives", body, s.caller);
  EXPECT_EQ(bad_id.status, 400);
  EXPECT_EQ(bad_id.error_field(), "id_number");
  body = child_relative();
  body["id_type"] = "library_card";
  expect_error(post("/api/v1/me/relatives", body, s.caller), 400, "ID_TYPE_INVALID", "id_type");
  body = adult_relative();
  body.erase("id_valid_from");
  EXPECT_EQ(post("/api/v1/me/relatives", body, s.caller).error_field(), "id_valid_from");
  body = child_relative();
  body.erase("name");
  expect_error(post("/api/v1/me/relatives", body, s.caller), 400, "FIELD_REQUIRED", "name");
  expect_error(post("/api/v1/me/relatives", child_relative("陈不符"), s.caller), 400, "IDENTITY_MISMATCH", "name");
  expect_error(post("/api/v1/me/relatives", child_relative("李超时"), s.caller), 503, "IDENTITY_UNAVAILABLE");
  body = adult_relative();
  body["id_number"] = s.applicant.id_number;
  body["id_valid_from"] = *s.applicant.valid_from;
  body["id_valid_to"] = *s.applicant.valid_to;
  expect_error(post("/api/v1/me/relatives", body, s.caller), 400, "RELATIVE_SELF", "id_number");
  // A permit needs the birth date the number does not carry.
  nlohmann::json permit = {{"relation", "sibling"}, {"name", "陈港生"}, {"id_type", "hk_macau_permit"},
                           {"id_number", "H12345678"}};
  expect_error(post("/api/v1/me/relatives", permit, s.caller), 400, "BIRTH_DATE_INVALID", "birth_date");
  permit["birth_date"] = "2012-04-04";
  const Reply permit_created = post("/api/v1/me/relatives", permit, s.caller);
  EXPECT_EQ(permit_created.status, 201) << permit_created.body;
  EXPECT_EQ(permit_created.json.value("status", ""), "verified");
  EXPECT_EQ(count_rows("relatives"), 1) << "nothing else was stored";
  expect_error(post_text("/api/v1/me/relatives", "[1,2]", s.caller), 400, "REQUEST_INVALID");
}

TEST_F(RestRelatives, RefusesDuplicatesAndMoreThanTheLimit) {
  const SignedIn s = signed_in_adult();
  const nlohmann::json body = child_relative();
  ASSERT_EQ(post("/api/v1/me/relatives", body, s.caller).status, 201);
  expect_error(post("/api/v1/me/relatives", body, s.caller), 409, "RELATIVE_DUPLICATE", "id_number");
  for (long long i = 1; i < kMaxRelatives; ++i)
    ASSERT_EQ(post("/api/v1/me/relatives", child_relative(), s.caller).status, 201) << i;
  expect_error(post("/api/v1/me/relatives", child_relative(), s.caller), 409, "RELATIVE_LIMIT");
  EXPECT_EQ(relatives_of(s.caller).size(), static_cast<std::size_t>(kMaxRelatives));
}

TEST_F(RestRelatives, EditsKeepChecksForTheSamePersonAndRecheckANewOneAndDeletes) {
  const SignedIn s = signed_in_adult();
  const SignedIn other = signed_in_adult();
  nlohmann::json body = adult_relative();
  const Reply created = post("/api/v1/me/relatives", body, s.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_EQ(complete_face(created.json.value("face_ticket", ""), "pass").status, 200);
  const std::string path = "/api/v1/me/relatives/" + std::to_string(created.json.value("id", 0LL));
  // Only the relation changes: still verified, no new face check.
  body["relation"] = "grandparent";
  const Reply relabelled = put(path, body, s.caller);
  ASSERT_EQ(relabelled.status, 200) << relabelled.body;
  EXPECT_EQ(relabelled.json.value("status", ""), "verified");
  EXPECT_EQ(relabelled.json.value("relation", ""), "grandparent");
  EXPECT_FALSE(relabelled.json.contains("face_ticket"));
  // A different person behind the row: police and face again.
  body["name"] = "陈大河";
  const Reply renamed = put(path, body, s.caller);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json.value("status", ""), "pending_face");
  EXPECT_FALSE(renamed.json.value("face_ticket", "").empty());
  body["name"] = "陈不符";
  expect_error(put(path, body, s.caller), 400, "IDENTITY_MISMATCH", "name");
  // Another person's relative is not found, whatever they do.
  expect_error(put(path, body, other.caller), 404, "NOT_FOUND");
  expect_error(del(path, other.caller), 404, "NOT_FOUND");
  EXPECT_TRUE(relatives_of(other.caller).empty());
  expect_error(put("/api/v1/me/relatives/abc", body, s.caller), 404, "NOT_FOUND");
  // Editing into a duplicate of another relative is refused.
  const nlohmann::json kid = child_relative();
  ASSERT_EQ(post("/api/v1/me/relatives", kid, s.caller).status, 201);
  expect_error(put(path, kid, s.caller), 409, "RELATIVE_DUPLICATE", "id_number");
  EXPECT_EQ(del(path, s.caller).status, 204);
  EXPECT_EQ(del(path, s.caller).status, 404);
  EXPECT_EQ(relatives_of(s.caller).size(), 1u);
  EXPECT_EQ(audits("action = 'relative.delete'"), 1);
}

TEST_F(RestRelatives, NeedASignedInPersonAndCsrfForCookies) {
  EXPECT_EQ(get("/api/v1/me/relatives").status, 401);
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  ASSERT_EQ(signed_in.status, 201);
  expect_error(post("/api/v1/me/relatives", child_relative(), cookie_of(signed_in, false)), 403, "CSRF_INVALID");
  EXPECT_EQ(post("/api/v1/me/relatives", child_relative(), cookie_of(signed_in, true)).status, 201);
}

// ---- authorization relations ---------------------------------------------------------------

class RestDelegations : public RelationsTest {};

TEST_F(RestDelegations, GrantorFacePassesGranteeIsAskedAndConfirmsWithEveryStepAudited) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  const nlohmann::json created = authorize(a, b, "");
  const long long id = created.value("id", 0LL);
  EXPECT_EQ(created.value("role", ""), "grantor");
  EXPECT_EQ(created.value("scope_label", ""), "全部事项");
  EXPECT_EQ(created["grantee"].value("name", ""), "陈**");
  // Until the grantor's face passes, the grantee neither sees it nor gets a message.
  EXPECT_TRUE(relation(b.caller, "received", id).is_null());
  EXPECT_EQ(messages_of(b.caller).value("unread", -1), 0);
  expect_error(act("confirm", id, b.caller), 404, "NOT_FOUND");
  ASSERT_EQ(complete_face(created.value("face_ticket", ""), "pass").status, 200);

  const nlohmann::json pending = relation(a.caller, "given", id);
  EXPECT_EQ(pending.value("state", ""), "pending");
  EXPECT_EQ(pending.value("confirm_by", ""), "2026-11-26T12:00:00Z");  // 24 h from the test clock's start
  const nlohmann::json inbox = messages_of(b.caller);
  EXPECT_EQ(inbox.value("unread", 0), 1);
  ASSERT_EQ(inbox["messages"].size(), 1u);
  const nlohmann::json ask = inbox["messages"][0];
  EXPECT_EQ(ask.value("kind", ""), "delegation.request");
  EXPECT_EQ(ask.value("subject", ""), "delegation:" + std::to_string(id));
  EXPECT_EQ(ask.value("action_expires_at", ""), "2026-11-26T12:00:00Z");
  EXPECT_EQ(ask["payload"].value("delegation_id", 0LL), id);
  EXPECT_FALSE(ask.value("read", true));
  EXPECT_EQ(relation(b.caller, "received", id).value("role", ""), "grantee");

  const Reply confirmed = act("confirm", id, b.caller);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json.value("state", ""), "active");
  EXPECT_EQ(relation(a.caller, "given", id).value("state", ""), "active");
  EXPECT_EQ(messages_of(b.caller).value("unread", -1), 0) << "the request was answered";
  EXPECT_EQ(message_kinds(a.caller), std::vector<std::string>{"delegation.confirmed"});

  const std::string pa = "person:" + std::to_string(a.person_id), pb = "person:" + std::to_string(b.person_id);
  const std::string parties = "detail = 'grantor=" + pa + " grantee=" + pb + "'";
  const std::string target = " AND target = 'delegation:" + std::to_string(id) + "' AND ";
  EXPECT_EQ(audits("action = 'delegation.create' AND actor = '" + pa + "'" + target + parties), 1);
  EXPECT_EQ(audits("action = 'delegation.request' AND actor = '" + pa + "'" + target + parties), 1);
  EXPECT_EQ(audits("action = 'delegation.confirm' AND actor = '" + pb + "' AND result = 'ok'" + target + parties), 1);
  EXPECT_EQ(audits("action = 'face.delegation' AND actor = '" + pa + "'"), 1);
}

TEST_F(RestDelegations, ConfirmingAfter24HoursFindsItExpired) {
  SignedIn a = signed_in_adult();
  SignedIn b = signed_in_adult();
  const long long id = authorize(a, b).value("id", 0LL);
  pass_time(std::chrono::hours(24) + std::chrono::seconds(1), {&a, &b});
  expect_error(act("confirm", id, b.caller), 409, "DELEGATION_EXPIRED", "id");
  EXPECT_EQ(relation(a.caller, "given", id).value("state", ""), "expired");
  EXPECT_EQ(relation(b.caller, "received", id).value("state", ""), "expired");
  expect_error(act("refuse", id, b.caller), 409, "DELEGATION_EXPIRED");
  expect_error(act("end", id, a.caller), 409, "DELEGATION_STATE_INVALID");
  EXPECT_EQ(message_kinds(a.caller), std::vector<std::string>{"delegation.expired"});
  EXPECT_EQ(messages_of(b.caller).value("unread", -1), 0) << "the expired request needs no answer any more";
  EXPECT_EQ(audits("action = 'delegation.expire_unconfirmed' AND actor = 'system'"), 1);
  EXPECT_EQ(audits("action = 'delegation.confirm' AND result = 'denied'"), 1);
  // A new request may follow the expired one.
  EXPECT_EQ(post("/api/v1/me/delegations", grant_body(b), a.caller).status, 201);
}

TEST_F(RestDelegations, ConfirmingJustBeforeTheDeadlineWorks) {
  SignedIn a = signed_in_adult();
  SignedIn b = signed_in_adult();
  const long long id = authorize(a, b).value("id", 0LL);
  pass_time(std::chrono::hours(24) - std::chrono::seconds(30), {&a, &b});
  const Reply confirmed = act("confirm", id, b.caller);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json.value("state", ""), "active");
  pass_time(std::chrono::hours(1), {&a});
  EXPECT_EQ(relation(a.caller, "given", id).value("state", ""), "active") << "the deadline was only for confirming";
}

TEST_F(RestDelegations, NobodyButTheGranteeConfirmsOrRefuses) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  const SignedIn c = signed_in_adult();
  const long long id = authorize(a, b).value("id", 0LL);
  expect_error(act("confirm", id, c.caller), 404, "NOT_FOUND", "id");
  expect_error(act("refuse", id, c.caller), 404, "NOT_FOUND", "id");
  expect_error(act("end", id, c.caller), 404, "NOT_FOUND", "id");
  expect_error(act("confirm", id, a.caller), 403, "DELEGATION_GRANTEE_ONLY", "id");
  expect_error(act("refuse", id, a.caller), 403, "DELEGATION_GRANTEE_ONLY", "id");
  expect_error(act("confirm", 999999, b.caller), 404, "NOT_FOUND");
  expect_error(act("confirm", id, Caller{}), 401, "UNAUTHENTICATED");
  EXPECT_TRUE(relation(c.caller, "received", id).is_null());
  EXPECT_EQ(relation(a.caller, "given", id).value("state", ""), "pending");
}

TEST_F(RestDelegations, TheGranteeRefusesAndCannotConfirmAfterwards) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  const long long id = authorize(a, b).value("id", 0LL);
  const Reply refused = act("refuse", id, b.caller);
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json.value("state", ""), "refused");
  expect_error(act("confirm", id, b.caller), 409, "DELEGATION_STATE_INVALID");
  expect_error(act("refuse", id, b.caller), 409, "DELEGATION_STATE_INVALID");
  expect_error(act("end", id, b.caller), 409, "DELEGATION_STATE_INVALID");
  EXPECT_EQ(message_kinds(a.caller), std::vector<std::string>{"delegation.refused"});
  EXPECT_EQ(audits("action = 'delegation.refuse' AND result = 'ok' AND actor = 'person:" + std::to_string(b.person_id) + "'"), 1);
}

TEST_F(RestDelegations, EitherSideEndsItOnceAndTheOtherSideIsTold) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  // The grantee ends an active relation.
  const long long first = authorize(a, b).value("id", 0LL);
  ASSERT_EQ(act("confirm", first, b.caller).status, 200);
  const Reply ended = act("end", first, b.caller);
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json.value("state", ""), "ended");
  EXPECT_EQ(ended.json.value("ended_by", ""), "grantee");
  expect_error(act("end", first, b.caller), 409, "DELEGATION_STATE_INVALID", "id");
  expect_error(act("end", first, a.caller), 409, "DELEGATION_STATE_INVALID", "id");
  expect_error(act("confirm", first, b.caller), 409, "DELEGATION_STATE_INVALID");
  EXPECT_EQ(message_kinds(a.caller), (std::vector<std::string>{"delegation.ended", "delegation.confirmed"}));
  // The grantor withdraws a pending one: the request in the grantee's inbox is settled.
  const long long second = authorize(a, b).value("id", 0LL);
  ASSERT_EQ(messages_of(b.caller).value("unread", 0), 1);
  const Reply withdrawn = act("end", second, a.caller);
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.json.value("ended_by", ""), "grantor");
  expect_error(act("confirm", second, b.caller), 409, "DELEGATION_STATE_INVALID");
  const nlohmann::json inbox = messages_of(b.caller);
  EXPECT_EQ(inbox.value("unread", 0), 1) << inbox.dump();
  EXPECT_EQ(inbox["messages"][0].value("kind", ""), "delegation.ended");
  // The grantor ends one still waiting for their own face: the grantee never hears of it.
  const nlohmann::json third = authorize(a, b, "");
  const long long before = messages_of(b.caller).value("total", 0LL);
  ASSERT_EQ(act("end", third.value("id", 0LL), a.caller).status, 200);
  EXPECT_EQ(messages_of(b.caller).value("total", 0LL), before);
  // Its face ticket no longer moves it anywhere.
  EXPECT_EQ(complete_face(third.value("face_ticket", ""), "pass").status, 200);
  EXPECT_EQ(relation(a.caller, "given", third.value("id", 0LL)).value("state", ""), "ended");
  EXPECT_EQ(audits("action = 'delegation.end' AND result = 'ok'"), 3);
  EXPECT_EQ(audits("action = 'delegation.end' AND result = 'denied'"), 2);
}

TEST_F(RestDelegations, AFailedGrantorFaceCheckNeverReachesTheGrantee) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  const long long id = authorize(a, b, "fail").value("id", 0LL);
  EXPECT_EQ(relation(a.caller, "given", id).value("state", ""), "face_failed");
  EXPECT_TRUE(relation(b.caller, "received", id).is_null());
  EXPECT_EQ(messages_of(b.caller).value("total", -1), 0);
  expect_error(act("confirm", id, b.caller), 404, "NOT_FOUND");
  expect_error(act("end", id, a.caller), 409, "DELEGATION_STATE_INVALID");
  EXPECT_EQ(audits("action = 'delegation.face_fail' AND result = 'failed'"), 1);
  // A failed attempt does not block a new one.
  EXPECT_EQ(authorize(a, b).value("state", ""), "awaiting_face");
}

TEST_F(RestDelegations, RefusesUnknownPersonsSelfDuplicatesAndBadPeriods) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  nlohmann::json body = grant_body(b);
  body["name"] = "王五";
  expect_error(post("/api/v1/me/delegations", body, a.caller), 404, "DELEGATE_NOT_FOUND", "id_number");
  body = grant_body(b);
  body["phone"] = unique_phone();
  expect_error(post("/api/v1/me/delegations", body, a.caller), 404, "DELEGATE_NOT_FOUND", "id_number");
  body = grant_body(b);
  body["id_number"] = make_resident_id({1980, 1, 1});
  expect_error(post("/api/v1/me/delegations", body, a.caller), 404, "DELEGATE_NOT_FOUND", "id_number");
  expect_error(post("/api/v1/me/delegations", grant_body(a), a.caller), 400, "DELEGATION_SELF", "id_number");
  body = grant_body(b);
  body["scope"] = "everything_forever";
  expect_error(post("/api/v1/me/delegations", body, a.caller), 400, "DELEGATION_SCOPE_INVALID", "scope");
  body = grant_body(b);
  body["valid_to"] = "2026-11-24";
  expect_error(post("/api/v1/me/delegations", body, a.caller), 400, "DELEGATION_PERIOD_INVALID", "valid_to");
  body["valid_to"] = "2031-11-26";
  expect_error(post("/api/v1/me/delegations", body, a.caller), 400, "DELEGATION_PERIOD_INVALID", "valid_to");
  body["valid_to"] = "2026-12-01";
  body["valid_from"] = "2026-11-20";
  expect_error(post("/api/v1/me/delegations", body, a.caller), 400, "DELEGATION_PERIOD_INVALID", "valid_from");
  body = grant_body(b);
  body.erase("valid_to");
  expect_error(post("/api/v1/me/delegations", body, a.caller), 400, "FIELD_REQUIRED", "valid_to");
  EXPECT_EQ(count_rows("person_delegations"), 0);
  // Without the phone, name + ID number are enough.
  body = grant_body(b);
  body.erase("phone");
  ASSERT_EQ(post("/api/v1/me/delegations", body, a.caller).status, 201);
  expect_error(post("/api/v1/me/delegations", grant_body(b), a.caller), 409, "DELEGATION_DUPLICATE", "id_number");
  // The other way round is a different relation.
  EXPECT_EQ(post("/api/v1/me/delegations", grant_body(a), b.caller).status, 201);
}

TEST_F(RestDelegations, AnActiveRelationExpiresAfterItsLastValidDay) {
  SignedIn a = signed_in_adult();
  SignedIn b = signed_in_adult();
  nlohmann::json body = grant_body(b);
  body["valid_to"] = "2026-11-27";
  const Reply created = post("/api/v1/me/delegations", body, a.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_EQ(complete_face(created.json.value("face_ticket", ""), "pass").status, 200);
  const long long id = created.json.value("id", 0LL);
  ASSERT_EQ(act("confirm", id, b.caller).status, 200);
  pass_time(std::chrono::hours(24 * 2), {&a, &b});
  EXPECT_EQ(relation(a.caller, "given", id).value("state", ""), "active") << "2026-11-27 is still valid";
  pass_time(std::chrono::hours(24), {&b});
  EXPECT_EQ(relation(b.caller, "received", id).value("state", ""), "expired");
  EXPECT_EQ(audits("action = 'delegation.expire' AND actor = 'system'"), 1);
}

TEST_F(RestDelegations, DeletingAnAccountEndsItsRelationsAndRemovesRelativesAndMessages) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  const SignedIn c = signed_in_adult();
  const long long given = authorize(a, b).value("id", 0LL);
  ASSERT_EQ(act("confirm", given, b.caller).status, 200);
  const long long received = authorize(c, a).value("id", 0LL);  // pending towards a
  ASSERT_EQ(post("/api/v1/me/relatives", child_relative(), a.caller).status, 201);
  ASSERT_GT(messages_of(a.caller).value("total", 0LL), 0);
  advance(std::chrono::seconds(61));
  ASSERT_EQ(post("/api/v1/me/deletion/sms", nlohmann::json::object(), a.caller).status, 202);
  const std::string code = newest_sms(a.applicant.phone).value("code", "");
  const Reply deleted = request("DELETE", "/api/v1/me",
                                nlohmann::json({{"id_number", a.applicant.id_number}, {"sms_code", code}}).dump(), a.caller);
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_EQ(relation(b.caller, "received", given).value("state", ""), "ended");
  EXPECT_EQ(relation(c.caller, "given", received).value("state", ""), "ended");
  EXPECT_EQ(message_kinds(b.caller).front(), "delegation.ended");
  EXPECT_EQ(message_kinds(c.caller).front(), "delegation.ended");
  const std::string mine = std::to_string(a.person_id);
  EXPECT_EQ(count_rows("relatives", "person_id = " + mine), 0);
  EXPECT_EQ(count_rows("person_messages", "person_id = " + mine), 0);
  EXPECT_EQ(count_rows("person_delegations", "state <> 'ended' AND (grantor_id = " + mine + " OR grantee_id = " + mine + ")"), 0);
  EXPECT_EQ(audits("action = 'delegation.end' AND actor = 'person:" + mine + "' AND detail LIKE '%account deleted'"), 2);
}

// ---- my messages ---------------------------------------------------------------------------

class RestMessages : public RelationsTest {};

TEST_F(RestMessages, PagesFiltersUnreadAndMarksRead) {
  const SignedIn a = signed_in_adult();
  const SignedIn b = signed_in_adult();
  // Three requests and three withdrawals: six messages for b, newest first.
  for (int i = 0; i < 3; ++i) {
    const long long id = authorize(a, b).value("id", 0LL);
    advance(std::chrono::seconds(1));
    ASSERT_EQ(act("end", id, a.caller).status, 200);
    advance(std::chrono::seconds(1));
  }
  nlohmann::json all = messages_of(b.caller);
  EXPECT_EQ(all.value("total", 0), 6);
  EXPECT_EQ(all.value("unread", 0), 3) << "withdrawn requests are settled";
  ASSERT_EQ(all["messages"].size(), 6u);
  EXPECT_EQ(all["messages"][0].value("kind", ""), "delegation.ended");
  const nlohmann::json page2 = messages_of(b.caller, "?page=2&per_page=4");
  EXPECT_EQ(page2["messages"].size(), 2u);
  EXPECT_EQ(page2.value("page", 0), 2);
  EXPECT_EQ(page2["messages"][1].value("id", 0LL), all["messages"][5].value("id", -1LL));
  const nlohmann::json unread = messages_of(b.caller, "?unread=true");
  ASSERT_EQ(unread["messages"].size(), 3u);
  EXPECT_EQ(unread.value("total", 0), 3);
  for (const auto& m : unread["messages"]) EXPECT_FALSE(m.value("read", true));

  const long long one = unread["messages"][0].value("id", 0LL);
  const Reply read = post("/api/v1/me/messages/" + std::to_string(one) + "/read", nlohmann::json::object(), b.caller);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_TRUE(read.json.value("read", false));
  EXPECT_FALSE(read.json["read_at"].is_null());
  EXPECT_EQ(post("/api/v1/me/messages/" + std::to_string(one) + "/read", nlohmann::json::object(), b.caller).status, 200)
      << "reading twice is harmless";
  EXPECT_EQ(messages_of(b.caller).value("unread", 0), 2);
  // Someone else's message is not found, and stays unread for its owner.
  const long long others = messages_of(b.caller, "?unread=true")["messages"][0].value("id", 0LL);
  expect_error(post("/api/v1/me/messages/" + std::to_string(others) + "/read", nlohmann::json::object(), a.caller), 404,
               "NOT_FOUND");
  expect_error(post("/api/v1/me/messages/x1/read", nlohmann::json::object(), b.caller), 404, "NOT_FOUND");
  EXPECT_EQ(messages_of(b.caller).value("unread", 0), 2);
  const Reply all_read = post("/api/v1/me/messages/read-all", nlohmann::json::object(), b.caller);
  ASSERT_EQ(all_read.status, 200) << all_read.body;
  EXPECT_EQ(all_read.json.value("marked", 0), 2);
  EXPECT_EQ(messages_of(b.caller).value("unread", -1), 0);
  EXPECT_TRUE(messages_of(b.caller, "?unread=true")["messages"].empty());
}

TEST_F(RestMessages, RefusesBadQueriesAndStrangers) {
  const SignedIn s = signed_in_adult();
  expect_error(get("/api/v1/me/messages?page=0", s.caller), 400, "FILTER_INVALID", "page");
  expect_error(get("/api/v1/me/messages?per_page=-3", s.caller), 400, "FILTER_INVALID", "per_page");
  expect_error(get("/api/v1/me/messages?unread=maybe", s.caller), 400, "FILTER_INVALID", "unread");
  EXPECT_EQ(messages_of(s.caller, "?per_page=5000").value("per_page", 0), 100) << "capped, not refused";
  EXPECT_EQ(get("/api/v1/me/messages").status, 401);
  EXPECT_EQ(post("/api/v1/me/messages/read-all", nlohmann::json::object()).status, 401);
}

}  // namespace
}  // namespace uia::rest
