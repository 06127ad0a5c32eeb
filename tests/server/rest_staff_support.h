// Back-office tests: staff accounts are made the way an operator makes them, with the
// `uia admin add` command (run in-process against the test's database), and sign in over REST.
#pragma once
#include <sstream>

#include "cli/admin_command.h"
#include "rest_test_support.h"

namespace uia::rest {

class RestStaffTest : public RestTest {
 protected:
  static constexpr const char* kStaffPassword = "Review-Desk-2026!";

  // `uia admin add`; returns its exit code, stdout in `out`.
  int admin_add(const std::string& username, const std::string& roles, const std::string& stdin_text,
                std::string* out = nullptr) {
    std::istringstream in(stdin_text);
    std::ostringstream stdout_text, stderr_text;
    const int code = run_admin_command({"add", "--db", db_url_, "--username", username, "--role", roles}, in,
                                       stdout_text, stderr_text);
    if (out) *out = stdout_text.str() + stderr_text.str();
    return code;
  }
  Reply staff_login(const std::string& username, const std::string& password) {
    return post("/api/v1/admin/sessions", {{"username", username}, {"password", password}});
  }
  // A new staff member with `roles`, signed in: the bearer caller.
  Caller signed_in_staff(const std::string& username, const std::string& roles) {
    EXPECT_EQ(admin_add(username, roles, std::string(kStaffPassword) + "\n"), 0);
    const Reply signed_in = staff_login(username, kStaffPassword);
    EXPECT_EQ(signed_in.status, 201) << signed_in.body;
    return bearer_of(signed_in);
  }
  void expect_error(const Reply& reply, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.error_code(), code) << reply.body;
    if (!field.empty()) EXPECT_EQ(reply.error_field(), field) << reply.body;
    // The contract's error shape, with the catalogue's zh-CN message.
    EXPECT_FALSE(reply.json["error"].value("message", "").empty()) << reply.body;
  }
};

}  // namespace uia::rest
