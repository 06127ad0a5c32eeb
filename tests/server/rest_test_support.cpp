#include "rest_test_support.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>

#include "crypto/keys.h"
#include "ids/uscc.h"
#include "http_test_client.h"
#include "store/database.h"

namespace uia::rest {
namespace fs = std::filesystem;

const std::chrono::system_clock::time_point kStart{std::chrono::seconds(1795608000)};

namespace {

// One counter for the whole process, so no two tests (or two applicants of one test) ever
// share an account name, document number or phone.
std::atomic<int> g_sequence{0};
int next_sequence() { return ++g_sequence; }

std::string two_digits(int n) {
  char out[3];
  std::snprintf(out, sizeof out, "%02d", n);
  return out;
}

}  // namespace

// ---- Reply ---------------------------------------------------------------------------------

std::string Reply::error_code() const {
  if (!json.is_object() || !json.contains("error") || !json["error"].is_object()) return "";
  return json["error"].value("code", "");
}

std::string Reply::error_field() const {
  if (!json.is_object() || !json.contains("error") || !json["error"].is_object()) return "";
  return json["error"].value("field", "");
}

std::string Reply::header(const std::string& lower_case_name) const {
  const auto it = headers.find(lower_case_name);
  return it == headers.end() ? std::string() : it->second;
}

// ---- test data -----------------------------------------------------------------------------

char gb11643_check_char(std::string_view first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kChecks[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
  return kChecks[sum % 11];
}

std::string make_resident_id(Date birth) {
  const int sequence = next_sequence() % 999 + 1;  // 001-999
  char sequence_text[4];
  std::snprintf(sequence_text, sizeof sequence_text, "%03d", sequence);
  const std::string first17 = "110105" + std::to_string(birth.year) + two_digits(birth.month) +
                              two_digits(birth.day) + sequence_text;
  return first17 + gb11643_check_char(first17);
}

std::string with_wrong_check_char(const std::string& id_number) {
  std::string wrong = id_number;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  return wrong;
}

std::string unique_phone() {
  char digits[9];
  std::snprintf(digits, sizeof digits, "%08d", (static_cast<int>(::getpid()) % 1000) * 10000 + next_sequence() % 10000);
  return std::string("150") + digits;
}

std::string unique_account() { return "tester" + std::to_string(next_sequence()); }

nlohmann::json Applicant::body(const std::string& sms_code) const {
  nlohmann::json out = {{"account", account}, {"password", password}, {"name", name},
                        {"id_type", id_type},  {"id_number", id_number}, {"phone", phone},
                        {"sms_code", sms_code}, {"agree", agree}};
  if (valid_from) out["id_valid_from"] = *valid_from;
  if (valid_to) out["id_valid_to"] = *valid_to;
  if (gender) out["gender"] = *gender;
  if (birth_date) out["birth_date"] = *birth_date;
  return out;
}

Applicant adult_resident() {
  Applicant a;
  a.account = unique_account();
  a.id_number = make_resident_id({1990, 5, 17});
  a.valid_from = "2020-01-10";
  a.valid_to = "2040-01-10";
  a.phone = unique_phone();
  return a;
}

Applicant child_resident() {
  Applicant a;
  a.account = unique_account();
  a.name = "陈小小";
  a.id_number = make_resident_id({2015, 3, 1});
  a.phone = unique_phone();
  return a;
}

Applicant young_adult_resident() {
  Applicant a;
  a.account = unique_account();
  a.name = "李青";
  a.id_number = make_resident_id({2006, 2, 1});
  a.valid_from = "2023-03-15";
  a.valid_to = "2033-03-15";
  a.phone = unique_phone();
  return a;
}

Applicant hk_macau_applicant() {
  Applicant a;
  a.account = unique_account();
  a.name = "何港生";
  a.id_type = "hk_macau_permit";
  char digits[9];
  std::snprintf(digits, sizeof digits, "%08d", 10000000 + next_sequence());
  a.id_number = std::string("H") + digits;
  a.gender = "male";
  a.birth_date = "1985-08-08";
  a.phone = unique_phone();
  return a;
}

Applicant passport_applicant() {
  Applicant a;
  a.account = unique_account();
  a.name = "John Smith";
  a.id_type = "passport";
  a.id_number = "XK" + std::to_string(1000000 + next_sequence());
  a.gender = "male";
  a.birth_date = "1980-01-02";
  a.phone = unique_phone();
  return a;
}

fs::path make_temp_dir(const std::string& prefix) {
  const fs::path dir = fs::temp_directory_path() /
                       (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(next_sequence()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// ---- the fixture ---------------------------------------------------------------------------

namespace {

std::unique_ptr<soci::session> connect(const std::string& url) {
  store::DatabaseUrl parsed;
  std::string error;
  if (!store::parse_database_url(url, parsed, error)) throw std::runtime_error(error);
  const soci::backend_factory& factory =
      parsed.backend == store::Backend::Sqlite ? *soci::factory_sqlite3() : *soci::factory_mysql();
  return std::make_unique<soci::session>(factory, parsed.connect);
}

// Every request of a test comes from 127.0.0.1 under a frozen clock, so the per-address request
// budgets would count a whole test as one client whose buckets never refill: they are lifted
// unless the test sets them (rest_request_budgets_test.cpp does). The captcha pool is kept
// small (hundreds of tests each drawing a full pool would cost CI minutes) and the periodic
// expiry sweep off (a test that moves its clock must not race it); tests of those set them.
void fit_limits_to_tests(app::PlatformConfig& config, const fs::path& dir) {
  nlohmann::json file = nlohmann::json::object();
  if (!config.config_file.empty()) {
    std::ifstream in(config.config_file);
    file = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!file.is_object()) return;  // the test means to hand build_platform a broken file
  }
  nlohmann::json& limits = file["limits"];
  if (limits.is_null()) limits = nlohmann::json::object();
  if (!limits.is_object()) return;
  if (!limits.contains("request_budgets")) {
    for (std::size_t i = 0; i < app::kRequestBudgetCount; ++i)
      limits["request_budgets"][app::request_budget_name(static_cast<app::RequestBudget>(i))] = {
          {"per_ip_per_minute", 0}, {"per_minute", 0}};
  }
  if (!limits.contains("captcha_pool_size")) limits["captcha_pool_size"] = 4;
  if (!limits.contains("expiry_sweep_seconds")) limits["expiry_sweep_seconds"] = 0;
  config.config_file = dir / "uia-fitted.json";
  std::ofstream(config.config_file) << file.dump();
}

}  // namespace

std::string unique_uscc() {
  static std::atomic<int> counter{0};
  char body[9];
  std::snprintf(body, sizeof body, "%08d", 10000000 + (counter++ * 7919) % 89999999);
  const std::string org8(body);
  const std::string first17 = "91220100" + org8 + org_code_check_char(org8);
  return first17 + uscc_check_char(first17);
}

void RestTest::use_profile_section(app::PlatformConfig& config, const nlohmann::json& section) {
  config.config_file = dir_ / "uia-profile.json";
  std::ofstream(config.config_file) << nlohmann::json({{"profile", section}}).dump();
}

void RestTest::SetUp() {
  dir_ = make_temp_dir("uia-rest");
  clock_ = std::make_shared<ManualClock>(kStart);
  app::PlatformConfig config;
  config.dev = true;
  db_url_ = "sqlite:" + (dir_ / "uia.db").string();
  if (const char* mysql = std::getenv("UIA_TEST_MYSQL_URL"); mysql && *mysql) {
    mysql_admin_ = mysql;
    const std::string name = "uia_rest_" + std::to_string(::getpid()) + "_" + std::to_string(next_sequence());
    connect(mysql_admin_)->once << "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    db_url_ = mysql_admin_.substr(0, mysql_admin_.rfind('/') + 1) + name;
    // Dev mode would mint its key file in the working directory for a non-SQLite database.
    std::string error;
    ASSERT_TRUE(crypto::write_key_file(dir_ / "uia.keys", crypto::generate_keys(crypto::CipherSuite::Aes256Gcm), error))
        << error;
    config.keys_file = dir_ / "uia.keys";
  }
  config.db = db_url_;
  config.web_root = dir_ / "web";  // no web client: the API alone
  config.workers = 2;
  configure(config);
  fit_limits_to_tests(config, dir_);
  platform_ = app::build_platform(config, clock_);
  server_ = serve_on_loopback(*platform_);
  port_ = server_->port();
}

std::unique_ptr<http::HttpServer> serve_on_loopback(app::Platform& platform) {
  http::HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  auto server = std::make_unique<http::HttpServer>(options, platform.router);
  server->on_drain([workers = platform.workers.get()] { workers->wait_idle(); });
  server->start();
  return server;
}

void RestTest::TearDown() {
  if (server_) server_->stop();
  server_.reset();
  platform_.reset();
  if (!mysql_admin_.empty()) {
    connect(mysql_admin_)->once << "DROP DATABASE IF EXISTS " + db_url_.substr(db_url_.rfind('/') + 1);
  }
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

Reply RestTest::request(const std::string& method, const std::string& path, const std::string& body,
                        const Caller& caller, const std::string& extra_headers) {
  std::string text = method + " " + path + " HTTP/1.1\r\nHost: " + host_ + "\r\n";
  if (!caller.bearer.empty()) text += "Authorization: Bearer " + caller.bearer + "\r\n";
  if (!caller.cookie.empty()) text += "Cookie: uia_session=" + caller.cookie + "\r\n";
  if (!caller.csrf.empty()) text += "X-CSRF-Token: " + caller.csrf + "\r\n";
  text += extra_headers;
  if (method != "GET" || !body.empty()) {
    text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  text += "\r\n" + body;
  const testing::RawResponse raw = testing::send_raw(port_, text);
  Reply reply;
  reply.status = raw.status;
  reply.headers = raw.headers;
  reply.body = raw.body;
  reply.json = nlohmann::json::parse(raw.body, nullptr, /*allow_exceptions=*/false);
  return reply;
}

Reply RestTest::get(const std::string& path, const Caller& caller) { return request("GET", path, "", caller); }

Reply RestTest::post(const std::string& path, const nlohmann::json& body, const Caller& caller) {
  return request("POST", path, body.dump(), caller);
}

Reply RestTest::post_text(const std::string& path, const std::string& body, const Caller& caller) {
  return request("POST", path, body, caller);
}

Reply RestTest::del(const std::string& path, const Caller& caller) { return request("DELETE", path, "", caller); }

RestTest::Captcha RestTest::captcha() {
  Captcha out;
  const Reply issued = get("/api/v1/captcha");
  if (issued.status != 200 || !issued.json.is_object()) {
    ADD_FAILURE() << "GET /api/v1/captcha: " << issued.status << " " << issued.body;
    return out;
  }
  out.id = issued.json.value("captcha_id", "");
  const Reply answer = get("/api/dev/captcha/" + out.id);
  if (answer.status != 200 || !answer.json.is_object()) {
    ADD_FAILURE() << "GET /api/dev/captcha: " << answer.status << " " << answer.body;
    return out;
  }
  out.answer = answer.json.value("answer", "");
  return out;
}

Reply RestTest::request_sms(const std::string& phone, const std::string& purpose) {
  const Captcha c = captcha();
  return post("/api/v1/sms/codes",
              {{"phone", phone}, {"purpose", purpose}, {"captcha_id", c.id}, {"captcha_answer", c.answer}});
}

nlohmann::json RestTest::newest_sms(const std::string& phone) {
  const Reply inbox = get("/api/dev/sms?phone=" + phone);
  if (inbox.status != 200 || !inbox.json.is_object() || !inbox.json["messages"].is_array() ||
      inbox.json["messages"].empty()) {
    return nlohmann::json();
  }
  return inbox.json["messages"][0];
}

std::string RestTest::sms_code(const std::string& phone, const std::string& purpose) {
  const Reply sent = request_sms(phone, purpose);
  if (sent.status != 202) {
    ADD_FAILURE() << "POST /api/v1/sms/codes (" << purpose << "): " << sent.status << " " << sent.body;
    return "";
  }
  const nlohmann::json message = newest_sms(phone);
  if (!message.is_object() || message.value("purpose", "") != purpose) {
    ADD_FAILURE() << "no " << purpose << " SMS for " << phone << ": " << message.dump();
    return "";
  }
  return message.value("code", "");
}

Reply RestTest::register_with_code(const Applicant& applicant, const std::string& code) {
  nlohmann::json body = applicant.body(code);
  // Under a profile without login names of one's own (001, 003) the form has no account field.
  if (platform_->services.profile().account_mode != "user_chosen") body.erase("account");
  return post("/api/v1/persons", body);
}

Reply RestTest::register_person(const Applicant& applicant) {
  return register_with_code(applicant, sms_code(applicant.phone, "register"));
}

Reply RestTest::complete_face(const std::string& ticket, const std::string& result) {
  return post("/api/dev/face/" + ticket, {{"result", result}});
}

Applicant RestTest::active_adult() {
  Applicant a = adult_resident();
  const Reply registered = register_person(a);
  EXPECT_EQ(registered.status, 201) << registered.body;
  if (!platform_->services.profile().face_at_registration) {  // 001, 002, 004: active at once
    EXPECT_EQ(registered.json.value("status", ""), "active") << registered.body;
    return a;
  }
  EXPECT_EQ(registered.json.value("status", ""), "pending_face") << registered.body;
  const Reply face = complete_face(registered.json.value("face_ticket", "none"), "pass");
  EXPECT_EQ(face.status, 200) << face.body;
  return a;
}

Reply RestTest::login(const std::string& identifier, const std::string& password) {
  const Captcha c = captcha();
  return post("/api/v1/sessions", {{"method", "password"},
                                   {"identifier", identifier},
                                   {"password", password},
                                   {"captcha_id", c.id},
                                   {"captcha_answer", c.answer}});
}

Reply RestTest::sms_login(const std::string& phone) {
  const std::string code = sms_code(phone, "login");
  return post("/api/v1/sessions", {{"method", "sms"}, {"phone", phone}, {"sms_code", code}});
}

Caller RestTest::bearer_of(const Reply& signed_in) {
  Caller caller;
  caller.bearer = signed_in.json.is_object() ? signed_in.json.value("token", "") : "";
  return caller;
}

Caller RestTest::cookie_of(const Reply& signed_in, bool with_csrf) {
  Caller caller;
  caller.cookie = signed_in.json.is_object() ? signed_in.json.value("token", "") : "";
  if (with_csrf) caller.csrf = signed_in.json.is_object() ? signed_in.json.value("csrf_token", "") : "";
  return caller;
}

std::unique_ptr<soci::session> RestTest::open_database() const { return connect(db_url_); }

long long RestTest::count_rows(const std::string& table, const std::string& where) const {
  const auto sql = open_database();
  long long count = 0;
  *sql << "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where), soci::into(count);
  return count;
}

}  // namespace uia::rest
