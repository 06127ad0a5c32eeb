// The numbers a province may tune (see "province profile" in ARCHITECTURE.md); defaults follow
// the seeds and issue 3.
#pragma once
#include <array>
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace uia::app {

// The kinds of request anyone may send without signing in, each with its own request budget
// (runtime/rate_budget.h; the routes name theirs in app/routes.cpp).
enum class RequestBudget { Captcha, SmsSend, SignIn, Registration, Activation, Recovery, OidcAuthorize };
inline constexpr std::size_t kRequestBudgetCount = 7;
// "captcha", "sms_send", "sign_in", "registration", "activation", "recovery", "oidc_authorize":
// the names in the config's limits.request_budgets.
const char* request_budget_name(RequestBudget budget);

// Requests per minute; 0 leaves that side unlimited.
struct BudgetLimit {
  int per_ip_per_minute = 0;
  int per_minute = 0;  // everybody together
};

// Defaults no real person meets, even many behind one NAT address (a carrier's, a campus'):
// each flow needs a captcha first, and a person answers one in seconds, not a dozen a minute.
// The global figures sit far above a province's peak (a few sign-ins per second) and far
// below what one node can serve, so a flood from many addresses still leaves room.
constexpr std::array<BudgetLimit, kRequestBudgetCount> kDefaultRequestBudgets = {{
    {30, 6000},    // captcha: a new image per attempt, per refresh click
    {10, 1200},    // sms_send: codes are also limited per phone and per address per hour
    {60, 6000},    // sign_in: persons, enterprises, agents, staff
    {20, 1200},    // registration: persons and enterprises
    {30, 1200},    // activation: of imported accounts, of enterprises
    {30, 1200},    // recovery: every step of 找回密码
    {120, 12000},  // oidc_authorize: a browser hops through on every business system visited
}};

struct Limits {
  int captcha_ttl_seconds = 120;
  int sms_code_ttl_seconds = 300;
  int sms_resend_seconds = 60;
  int sms_per_hour = 3;
  int sms_per_day = 5;
  int sms_per_ip_per_hour = 30;
  int sms_max_wrong_attempts = 5;
  int login_max_failures = 5;
  int login_failure_window_seconds = 15 * 60;
  int login_lock_seconds = 30 * 60;
  int login_per_ip_per_minute = 60;
  int session_idle_seconds = 30 * 60;
  int session_absolute_seconds = 12 * 60 * 60;
  int face_ticket_ttl_seconds = 10 * 60;
  // How long a node may answer GET /api/v1/me from memory when another node (or `uia import`)
  // might have changed the person; 0 turns the cache off. See runtime/read_cache.h.
  int read_cache_seconds = 1;
  int face_checks_per_day = 5;  // per person, the registration's own check included
  int upload_token_ttl_seconds = 24 * 60 * 60;
  // How often the server asks the business registry again about unverified enterprises
  // (seed N); 0 turns the periodic re-check off (tests run passes themselves).
  int registry_recheck_seconds = 10 * 60;
  std::array<BudgetLimit, kRequestBudgetCount> request_budgets = kDefaultRequestBudgets;
  // Captcha images drawn ahead by a background thread, so that issuing one costs a database
  // insert, not drawing a PNG (flows/captcha/captcha_pool.h); 0 draws each on request.
  int captcha_pool_size = 256;
  // How often expired captchas, codes and sign-in failures are deleted (flows/expiry); 0 never.
  int expiry_sweep_seconds = 60;
  // Slow and crowding clients (issue 20): a request's head must arrive within
  // http_header_timeout_seconds of its first byte and its body within http_body_timeout_seconds;
  // a kept-alive connection may sit idle for http_keepalive_timeout_seconds; one client address
  // may hold http_connections_per_address connections at once (0: no limit; behind a reverse
  // proxy every connection comes from the proxy, raise it there).
  int http_header_timeout_seconds = 10;
  int http_body_timeout_seconds = 30;
  int http_keepalive_timeout_seconds = 60;
  int http_connections_per_address = 64;
  // Appeals (账号申诉): an appellant has appeal_draft_hours to upload the materials and submit;
  // a submitted case is due appeal_review_working_days working days (Monday to Friday, China
  // Standard Time) later (001 2.7.1: 一个工作日内); appeal_second_review 1 makes enterprise cases
  // need a second reviewer's approval; materials are deleted appeal_materials_retention_days
  // after the decision (PIPL: kept no longer than the purpose needs).
  int appeal_draft_hours = 24;
  int appeal_review_working_days = 1;
  int appeal_second_review = 0;
  int appeal_materials_retention_days = 90;
};

// Applies the "limits" object of the config file ({"sms_per_day": 10, ...,
// "request_budgets": {"captcha": {"per_ip_per_minute": 30, "per_minute": 6000}, ...}}); unknown
// names and values outside 0-10^7 are refused with a message naming them.
bool apply_limits(const nlohmann::json& section, Limits& limits, std::string& error);

}  // namespace uia::app
