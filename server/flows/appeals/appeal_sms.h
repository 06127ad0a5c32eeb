// One SMS about an appeal (submitted, decided, an account changed by one), sent through the SMS
// port and audited as sms.send with the masked phone. A failed delivery is recorded, not
// retried: the outcome is also in 我的消息 and the 申诉进度查询 page.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"

namespace uia::flows {

void send_appeal_sms(app::Services& services, soci::session& sql, const std::string& phone, const std::string& text,
                     long long now);

}  // namespace uia::flows
