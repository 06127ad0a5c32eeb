#include "flows/appeals/case_view.h"

#include "appeals/appeals.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"

namespace uia::flows {
namespace {

nlohmann::json time_or_null(long long at) { return at ? nlohmann::json(http::format_rfc3339(at)) : nlohmann::json(nullptr); }
nlohmann::json id_or_null(long long id) { return id ? nlohmann::json(id) : nlohmann::json(nullptr); }

nlohmann::json parsed(const store::AppealCase& appeal) {
  auto details = nlohmann::json::parse(appeal.details, nullptr, false);
  return details.is_object() ? details : nlohmann::json::object();
}

std::string text_of(const nlohmann::json& details, const char* key) {
  const auto it = details.find(key);
  return it != details.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

bool case_overdue(const store::AppealCase& appeal, long long now) {
  return !appeal_status_final(appeal.status) && appeal.due_at != 0 && appeal.due_at < now;
}

std::string case_applicant(const store::AppealCase& appeal) {
  const nlohmann::json details = parsed(appeal);
  const AppealKind* kind = find_appeal_kind(appeal.kind);
  if (kind && kind->party == AppealParty::Enterprise) {
    std::string name = text_of(details, "enterprise_name");
    const std::string uscc = text_of(details, "uscc");
    return name.empty() ? uscc : name + (uscc.empty() ? "" : "（" + uscc + "）");
  }
  std::string name = text_of(details, "name");
  if (name.empty()) name = text_of(details, "contact_name");
  return mask_name(name);
}

nlohmann::json case_summary(const store::AppealCase& appeal, long long staff_id, long long now) {
  const AppealKind* kind = find_appeal_kind(appeal.kind);
  return {{"case_number", appeal.case_number},
          {"kind", appeal.kind},
          {"kind_label", kind ? std::string(kind->label) : appeal.kind},
          {"status", appeal.status},
          {"status_label", std::string(appeal_status_label(appeal.status))},
          {"submitted_at", time_or_null(appeal.submitted_at)},
          {"due_at", time_or_null(appeal.due_at)},
          {"overdue", case_overdue(appeal, now)},
          {"claimed_by", id_or_null(appeal.claimed_by)},
          {"claimed_by_me", appeal.claimed_by != 0 && appeal.claimed_by == staff_id},
          {"applicant", case_applicant(appeal)},
          {"contact_phone", mask_phone(appeal.contact_phone)}};
}

nlohmann::json case_details(const store::AppealCase& appeal) {
  nlohmann::json details = parsed(appeal);
  for (auto it = details.begin(); it != details.end();) {
    if (it.key().find("password") != std::string::npos) it = details.erase(it);
    else ++it;
  }
  return details;
}

}  // namespace uia::flows
