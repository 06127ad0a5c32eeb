// What an appellant files (POST /api/v1/appeals), read and checked with the same rules as
// registration before anything is stored: per kind the fields of the contract, the
// profile's password policy and document types, the phone the SMS code went to. The new
// password travels no further than this: the filing hashes it into the case's sealed details.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "appeals/appeals.h"
#include "http/api.h"

namespace uia::flows {

struct AppealApplication {
  const AppealKind* kind = nullptr;
  std::string phone;     // SMS code checked against it; the case's contact phone
  std::string sms_code;
  bool needs_captcha = false;  // person_id_taken and enterprise_register_assist (the manuals' forms)
  std::string captcha_id, captcha_answer;
  std::string password;  // the new password ("" for enterprise_info_change)
  nlohmann::json details = nlohmann::json::object();  // the kind's fields, without the password
  // What keeps one appeal open at a time: "phone:...", "id_number:...", "uscc:..." (blind-indexed
  // before storing).
  std::vector<std::string> open_values;
};

// nullopt when the body is a valid application of its kind; the refusal otherwise.
std::optional<http::ApiResponse> read_appeal_application(const app::Services& services, const http::ApiRequest& request,
                                                         AppealApplication& out);

}  // namespace uia::flows
