#include "app/limits.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace uia::app {
namespace {

constexpr const char* kRequestBudgetNames[kRequestBudgetCount] = {
    "captcha", "sms_send", "sign_in", "registration", "activation", "recovery", "oidc_authorize"};

bool valid_number(const nlohmann::json& value) {
  return value.is_number_integer() && value.get<long long>() >= 0 && value.get<long long>() <= 10000000;
}

bool apply_request_budgets(const nlohmann::json& section, Limits& limits, std::string& error) {
  if (!section.is_object()) {
    error = "limits.request_budgets must be an object";
    return false;
  }
  for (const auto& [name, budget] : section.items()) {
    const auto* known = std::find(std::begin(kRequestBudgetNames), std::end(kRequestBudgetNames), name);
    if (known == std::end(kRequestBudgetNames)) {
      error = "limits.request_budgets." + name + " is not a known request budget";
      return false;
    }
    BudgetLimit& limit = limits.request_budgets[static_cast<std::size_t>(known - std::begin(kRequestBudgetNames))];
    if (!budget.is_object()) {
      error = "limits.request_budgets." + name + " must be an object";
      return false;
    }
    for (const auto& [field, value] : budget.items()) {
      const std::string where = "limits.request_budgets." + name + "." + field;
      int BudgetLimit::*member = field == "per_ip_per_minute" ? &BudgetLimit::per_ip_per_minute
                                 : field == "per_minute"      ? &BudgetLimit::per_minute
                                                              : nullptr;
      if (!member) {
        error = where + " is not a known limit (per_ip_per_minute, per_minute)";
        return false;
      }
      if (!valid_number(value)) {
        error = where + " must be an integer from 0 to 10000000";
        return false;
      }
      limit.*member = value.get<int>();
    }
  }
  return true;
}

}  // namespace

const char* request_budget_name(RequestBudget budget) { return kRequestBudgetNames[static_cast<std::size_t>(budget)]; }

bool apply_limits(const nlohmann::json& section, Limits& limits, std::string& error) {
  if (section.is_null()) return true;
  if (!section.is_object()) {
    error = "limits must be an object";
    return false;
  }
  const std::map<std::string, int Limits::*> fields = {
      {"captcha_ttl_seconds", &Limits::captcha_ttl_seconds},
      {"sms_code_ttl_seconds", &Limits::sms_code_ttl_seconds},
      {"sms_resend_seconds", &Limits::sms_resend_seconds},
      {"sms_per_hour", &Limits::sms_per_hour},
      {"sms_per_day", &Limits::sms_per_day},
      {"sms_per_ip_per_hour", &Limits::sms_per_ip_per_hour},
      {"sms_max_wrong_attempts", &Limits::sms_max_wrong_attempts},
      {"login_max_failures", &Limits::login_max_failures},
      {"login_failure_window_seconds", &Limits::login_failure_window_seconds},
      {"login_lock_seconds", &Limits::login_lock_seconds},
      {"login_per_ip_per_minute", &Limits::login_per_ip_per_minute},
      {"session_idle_seconds", &Limits::session_idle_seconds},
      {"session_absolute_seconds", &Limits::session_absolute_seconds},
      {"face_ticket_ttl_seconds", &Limits::face_ticket_ttl_seconds},
      {"read_cache_seconds", &Limits::read_cache_seconds},
      {"face_checks_per_day", &Limits::face_checks_per_day},
      {"upload_token_ttl_seconds", &Limits::upload_token_ttl_seconds},
      {"registry_recheck_seconds", &Limits::registry_recheck_seconds},
      {"captcha_pool_size", &Limits::captcha_pool_size},
      {"expiry_sweep_seconds", &Limits::expiry_sweep_seconds},
      {"http_header_timeout_seconds", &Limits::http_header_timeout_seconds},
      {"http_body_timeout_seconds", &Limits::http_body_timeout_seconds},
      {"http_keepalive_timeout_seconds", &Limits::http_keepalive_timeout_seconds},
      {"http_connections_per_address", &Limits::http_connections_per_address},
      {"appeal_draft_hours", &Limits::appeal_draft_hours},
      {"appeal_review_working_days", &Limits::appeal_review_working_days},
      {"appeal_second_review", &Limits::appeal_second_review},
      {"appeal_materials_retention_days", &Limits::appeal_materials_retention_days},
  };
  for (const auto& [name, value] : section.items()) {
    if (name == "request_budgets") {
      if (!apply_request_budgets(value, limits, error)) return false;
      continue;
    }
    const auto field = fields.find(name);
    if (field == fields.end()) {
      error = "limits." + name + " is not a known limit";
      return false;
    }
    if (!valid_number(value)) {
      error = "limits." + name + " must be an integer from 0 to 10000000";
      return false;
    }
    limits.*(field->second) = value.get<int>();
  }
  return true;
}

}  // namespace uia::app
