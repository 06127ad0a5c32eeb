#include "app/limits.h"

#include <map>

namespace uia::app {

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
      {"http_header_timeout_seconds", &Limits::http_header_timeout_seconds},
      {"http_body_timeout_seconds", &Limits::http_body_timeout_seconds},
      {"http_keepalive_timeout_seconds", &Limits::http_keepalive_timeout_seconds},
      {"http_connections_per_address", &Limits::http_connections_per_address},
  };
  for (const auto& [name, value] : section.items()) {
    const auto field = fields.find(name);
    if (field == fields.end()) {
      error = "limits." + name + " is not a known limit";
      return false;
    }
    if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 10000000) {
      error = "limits." + name + " must be an integer from 0 to 10000000";
      return false;
    }
    limits.*(field->second) = value.get<int>();
  }
  return true;
}

}  // namespace uia::app
