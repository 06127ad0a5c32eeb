// The audit trail over a real flow: register, sign in, sign out. Each security-relevant event is
// a row with who, what, the client IP and the result, and no row carries a plaintext phone
// number or ID number.
#include <soci/soci.h>

#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestAudit : public RestTest {
 protected:
  struct Row {
    std::string actor, action, target, client_ip, result, detail;
  };
  std::vector<Row> rows() const {
    const auto sql = open_database();
    std::vector<Row> out;
    soci::rowset<soci::row> result = (sql->prepare << "SELECT COALESCE(actor, ''), action, COALESCE(target, ''), "
                                                     "COALESCE(client_ip, ''), result, COALESCE(detail, '') "
                                                     "FROM audit_log ORDER BY id");
    for (const auto& r : result) {
      out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                     r.get<std::string>(4), r.get<std::string>(5)});
    }
    return out;
  }
  static const Row* find(const std::vector<Row>& rows, const std::string& action, const std::string& result) {
    for (const Row& row : rows)
      if (row.action == action && row.result == result) return &row;
    return nullptr;
  }
};

TEST_F(RestAudit, RegisterLoginLogoutAreRecordedWithTheClientIp) {
  const Applicant a = adult_resident();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string person = "person:" + std::to_string(registered.json.value("person_id", 0LL));
  ASSERT_EQ(complete_face(registered.json.value("face_ticket", ""), "pass").status, 200);
  EXPECT_EQ(login(a.account, "Wrong#pass1").status, 401);
  const Reply signed_in = login(a.account, a.password);
  ASSERT_EQ(signed_in.status, 201);
  ASSERT_EQ(del("/api/v1/sessions/current", bearer_of(signed_in)).status, 204);

  const auto trail = rows();
  for (const auto& [action, result] : std::vector<std::pair<std::string, std::string>>{
           {"person.register", "ok"}, {"session.login", "ok"}, {"session.logout", "ok"},
           {"session.login", "denied"}, {"sms.send", "ok"}}) {
    const Row* row = find(trail, action, result);
    ASSERT_NE(row, nullptr) << action << " " << result;
    EXPECT_EQ(row->client_ip, "127.0.0.1") << action;
    if (result == "ok" && action != "sms.send") EXPECT_EQ(row->actor, person) << action;
  }
  EXPECT_EQ(find(trail, "session.login", "denied")->detail, "CREDENTIALS_INVALID");
}

TEST_F(RestAudit, HoldsNoPlaintextPhoneOrIdNumber) {
  const Applicant a = adult_resident();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201);
  ASSERT_EQ(complete_face(registered.json.value("face_ticket", ""), "pass").status, 200);
  EXPECT_EQ(login(a.phone, "Wrong#pass1").status, 401);
  EXPECT_EQ(login(a.id_number, "Wrong#pass1").status, 401);
  const Reply signed_in = login(a.phone, a.password);
  ASSERT_EQ(signed_in.status, 201);
  advance(61s);
  sms_code(a.phone, "login");
  ASSERT_EQ(del("/api/v1/sessions/current", bearer_of(signed_in)).status, 204);

  const auto trail = rows();
  ASSERT_GE(trail.size(), 6u);
  const std::string middle_of_phone = a.phone.substr(3, 4);
  const std::string birth_in_id = a.id_number.substr(6, 8);
  for (const Row& row : trail) {
    const std::string all = row.actor + "|" + row.action + "|" + row.target + "|" + row.client_ip + "|" + row.result +
                            "|" + row.detail;
    EXPECT_EQ(all.find(a.phone), std::string::npos) << all;
    EXPECT_EQ(all.find(middle_of_phone), std::string::npos) << all;
    EXPECT_EQ(all.find(a.id_number), std::string::npos) << all;
    EXPECT_EQ(all.find(birth_in_id), std::string::npos) << all;
    EXPECT_EQ(all.find(a.password), std::string::npos) << all;
  }
}

}  // namespace
}  // namespace uia::rest
