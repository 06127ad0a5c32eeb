// POST /api/v1/appeals/progress (申诉进度查询): the case number and the contact phone, proven by
// an SMS code. A wrong number and a wrong phone get the same 404, so neither can be probed.
#include <soci/soci.h>

#include "appeals/appeals.h"
#include "flows/appeals/appeals_rest.h"
#include "flows/audit/audit_log.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "http/rfc3339.h"
#include "policy/contact.h"
#include "store/appeal_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

nlohmann::json time_or_null(long long at) { return at ? nlohmann::json(http::format_rfc3339(at)) : nlohmann::json(); }

}  // namespace

ApiResponse appeal_progress(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string case_number = fields.required("case_number");
  const std::string phone = fields.required("phone");
  const std::string sms_code = fields.required("sms_code");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  const long long now = services.now_seconds();
  store::AppealRepository appeals(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, phone, "appeal", sms_code, SmsCodeUse::Consume); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    const auto c = appeals.find_by_number(sql, case_number);
    if (!c || c->contact_phone_index != (*services.blind_index)("phone", phone)) {
      record_audit(sql, now, {"anonymous", "appeal.progress_read", "appeal:" + case_number.substr(0, 20),
                              request.client_ip, "denied", "APPEAL_NOT_FOUND"});
      return ApiResponse::error(404, ErrorCode::AppealNotFound, "case_number");
    }
    appeals.add_event(sql, c->id, {now, "appellant", "progress_read", ""});
    record_audit(sql, now, {"anonymous", "appeal.progress_read", "appeal:" + c->case_number, request.client_ip, "ok", ""});
    const AppealKind* kind = find_appeal_kind(c->kind);
    nlohmann::json events = nlohmann::json::array();
    // The appellant's own view: what happened and when, never who on the staff side.
    for (const auto& e : appeals.events(sql, c->id)) events.push_back(nlohmann::json{{"at", http::format_rfc3339(e.at)}, {"action", e.action}});
    return ApiResponse::json(200, {{"case_number", c->case_number},
                                   {"kind", c->kind},
                                   {"kind_label", kind ? kind->label : ""},
                                   {"status", c->status},
                                   {"status_label", appeal_status_label(c->status)},
                                   {"submitted_at", time_or_null(c->submitted_at)},
                                   {"due_at", time_or_null(c->due_at)},
                                   {"decided_at", time_or_null(c->decided_at)},
                                   {"reason", c->status == "rejected" ? nlohmann::json(c->decision_reason) : nlohmann::json()},
                                   {"events", events}});
  });
}

}  // namespace uia::flows
