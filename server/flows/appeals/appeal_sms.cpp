#include "flows/appeals/appeal_sms.h"

#include "flows/audit/audit_log.h"
#include "privacy/mask.h"

namespace uia::flows {

void send_appeal_sms(app::Services& services, soci::session& sql, const std::string& phone, const std::string& text,
                     long long now) {
  if (!services.ports.sms || phone.empty()) return;
  ports::SmsMessage sms;
  sms.phone = phone;
  sms.purpose = "appeal";
  sms.text = "【统一身份认证】" + text;
  const ports::SmsSendResult sent = services.ports.sms->send(sms);
  record_audit(sql, now, {"system", "sms.send", "phone:" + mask_phone(phone), "", sent.delivered ? "ok" : "failed",
                          "appeal"});
}

}  // namespace uia::flows
