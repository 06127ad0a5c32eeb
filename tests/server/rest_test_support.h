// Black-box REST end-to-end tests: a fixture that builds a dev-mode platform (simulators, dev
// routes, SQLite in a fresh temp dir, a manual clock), serves it on an ephemeral loopback port,
// and talks to it over real HTTP. Helpers read captcha answers, SMS codes and face tickets only
// through the dev routes a tester would use, never through the server's internals; the one
// exception is `count_rows`, which opens the database itself (its own connection, not the
// server's) to prove what was (not) stored.
//
// The database is a fresh SQLite file per test; with UIA_TEST_MYSQL_URL set (e.g. from
// tools/mariadb.sh start) every test gets a fresh MySQL/MariaDB database next to that one
// instead, so the same suite runs on both backends.
#pragma once
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <soci/session.h>

#include "app/platform.h"
#include "http/http_server.h"
#include "policy/date.h"
#include "ports/clock.h"

namespace uia::rest {

// 2026-11-25 12:00 UTC (20:00 in Beijing): "today" is 2026-11-25 for every rule.
extern const std::chrono::system_clock::time_point kStart;

struct Reply {
  int status = 0;  // 0: no answer (connection failed or timed out)
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  nlohmann::json json;  // the body parsed; discarded (is_discarded()) when it is not JSON

  std::string error_code() const;   // error.code, or "" when the body is not an error
  std::string error_field() const;  // error.field, or ""
  std::string header(const std::string& lower_case_name) const;  // "" when absent
};

// How a request proves who is calling.
struct Caller {
  std::string bearer;  // Authorization: Bearer ...
  std::string cookie;  // uia_session cookie value
  std::string csrf;    // X-CSRF-Token
};

// ---- unique, valid test data -----------------------------------------------------------

// GB 11643-1999 ISO 7064 MOD 11-2 check character for 17 digits.
char gb11643_check_char(std::string_view first17);
// A valid resident ID number (region 110105) for `birth`, unique within the test process.
std::string make_resident_id(Date birth);
// The same number with its check character changed to a wrong one.
std::string with_wrong_check_char(const std::string& id_number);
std::string unique_phone();    // 11 digits, 150 + 8 unique digits
std::string unique_account();  // lower case, starts with a letter, 6-20 characters
// A valid GB 32100 unified social credit code (authority 9, type 1: an enterprise; region
// 220100 长春), unique within the test process.
std::string unique_uscc();

struct Applicant {
  std::string account;
  std::string password = "Uia#2026pass";
  std::string name = "陈小明";
  std::string id_type = "resident";
  std::string id_number;
  std::optional<std::string> valid_from;
  std::optional<std::string> valid_to;
  std::optional<std::string> gender;
  std::optional<std::string> birth_date;
  std::string phone;
  bool agree = true;

  nlohmann::json body(const std::string& sms_code) const;  // the POST /api/v1/persons body
};

// Born 1990-05-17, card issued 2020-01-10 at 29: a 20-year card to 2040-01-10; face check.
Applicant adult_resident();
// Born 2015-03-01: 11 years old, no validity dates, no face check.
Applicant child_resident();
// Born 2006-02-01, card issued 2023-03-15 at 17: a 10-year card to 2033-03-15.
Applicant young_adult_resident();
// 港澳居民来往内地通行证 H + 8 digits, with gender and birth date.
Applicant hk_macau_applicant();
// Foreign passport: waits for back-office review.
Applicant passport_applicant();

// ---- the fixture -------------------------------------------------------------------------

class RestTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Lets a test suite change the platform's configuration before it is built.
  virtual void configure(app::PlatformConfig& config) { (void)config; }
  // For configure(): a config file whose "profile" section is `section` (a built-in name, or
  // {"base": NAME, <fields to change>}), as an operator would write it.
  void use_profile_section(app::PlatformConfig& config, const nlohmann::json& section);

  Reply request(const std::string& method, const std::string& path, const std::string& body = "",
                const Caller& caller = {}, const std::string& extra_headers = "");
  Reply get(const std::string& path, const Caller& caller = {});
  Reply post(const std::string& path, const nlohmann::json& body, const Caller& caller = {});
  Reply post_text(const std::string& path, const std::string& body, const Caller& caller = {});
  Reply del(const std::string& path, const Caller& caller = {});

  struct Captcha {
    std::string id;
    std::string answer;
  };
  // GET /api/v1/captcha + GET /api/dev/captcha/{id}.
  Captcha captcha();
  // POST /api/v1/sms/codes with a fresh, correctly answered captcha.
  Reply request_sms(const std::string& phone, const std::string& purpose);
  // Requests a code and reads it back from GET /api/dev/sms (newest first); "" (and a test
  // failure) when the code was not sent.
  std::string sms_code(const std::string& phone, const std::string& purpose);
  // The newest message the SMS simulator holds for `phone` ({"purpose","code","text","sent_at"}).
  nlohmann::json newest_sms(const std::string& phone);

  // Requests a "register" code for the applicant's phone and posts the registration.
  Reply register_person(const Applicant& applicant);
  Reply register_with_code(const Applicant& applicant, const std::string& sms_code);
  // POST /api/dev/face/{ticket} {"result": "pass"|"fail"}.
  Reply complete_face(const std::string& ticket, const std::string& result);
  // Registers an adult and passes the face check (fails the test if any step goes wrong).
  Applicant active_adult();

  // POST /api/v1/sessions {"method": "password", ...} with a fresh captcha.
  Reply login(const std::string& identifier, const std::string& password);
  // POST /api/v1/sessions {"method": "sms", ...} with a fresh "login" code.
  Reply sms_login(const std::string& phone);
  static Caller bearer_of(const Reply& signed_in);
  static Caller cookie_of(const Reply& signed_in, bool with_csrf);

  void advance(std::chrono::seconds by) { clock_->advance(by); }
  // Rows of `table` (optionally with a WHERE clause), read through a connection of our own.
  long long count_rows(const std::string& table, const std::string& where = "") const;
  // A new connection to the test's database (SQLite file or MySQL database).
  std::unique_ptr<soci::session> open_database() const;

  std::filesystem::path dir_;
  std::string db_url_;       // sqlite:FILE or mysql://.../uia_rest_N
  std::string mysql_admin_;  // the UIA_TEST_MYSQL_URL the test database was created beside
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<app::Platform> platform_;
  std::unique_ptr<http::HttpServer> server_;
  int port_ = 0;
  std::string host_ = "127.0.0.1";  // the Host header requests carry (dev mode's issuer comes from it)
};

// A fresh, empty temp directory (removed by the caller).
std::filesystem::path make_temp_dir(const std::string& prefix);

// Serves `platform` on an ephemeral loopback port (one reactor), as `uia serve` does: stopping
// the server waits for the platform's workers. The port is the server's port().
std::unique_ptr<http::HttpServer> serve_on_loopback(app::Platform& platform);

}  // namespace uia::rest
