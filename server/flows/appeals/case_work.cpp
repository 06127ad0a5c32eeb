#include "flows/appeals/case_work.h"

#include <soci/soci.h>

#include "appeals/appeals.h"
#include "flows/appeals/appeal_effects.h"
#include "flows/appeals/case_view.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/account_freeze.h"
#include "flows/back_office/document_content.h"
#include "flows/back_office/path_id.h"
#include "flows/back_office/staff_auth.h"
#include "flows/profile/free_text.h"
#include "http/json_fields.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::AppealCase;

constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 200;

// An answer decided inside a transaction that must roll back (an approval whose account change
// could not be made after the case's state was already set).
struct Refusal {
  ErrorCode code;
};

std::optional<long long> digits(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Case numbers are "SS" + digits; anything else never reaches the database.
std::optional<std::string> case_number_of(const http::ApiRequest& request) {
  const auto it = request.params.find("case_number");
  if (it == request.params.end() || it->second.size() < 3 || it->second.size() > 20) return std::nullopt;
  for (char c : it->second)
    if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) return std::nullopt;
  return it->second;
}

std::string target_of(const AppealCase& appeal) { return "appeal:" + appeal.case_number; }

nlohmann::json account_of(app::Services& services, soci::session& sql, const AppealCase& appeal) {
  if (appeal.person_id) {
    store::PersonRepository persons(*services.cipher, *services.blind_index);
    if (const auto p = persons.find_by_id(sql, appeal.person_id))
      return {{"type", "person"},
              {"id", p->id},
              {"name", mask_name(p->name)},
              {"id_number", mask_id_number(p->id_number)},
              {"phone", p->phone ? nlohmann::json(mask_phone(*p->phone)) : nlohmann::json(nullptr)},
              {"status", store::status_name(p->status)},
              {"frozen", person_frozen(sql, p->id)}};
  }
  if (appeal.enterprise_id) {
    store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
    if (const auto e = enterprises.find_by_id(sql, appeal.enterprise_id))
      return {{"type", "enterprise"},
              {"id", e->id},
              {"name", e->name},
              {"uscc", e->uscc},
              {"phone", e->phone ? nlohmann::json(mask_phone(*e->phone)) : nlohmann::json(nullptr)},
              {"status", store::enterprise_status_name(e->status)},
              {"frozen", enterprise_frozen(sql, e->id)}};
  }
  return nullptr;
}

// The case a staff route names, or the answer that ends the route. Drafts are the appellant's
// until submitted: staff see them as not found.
std::variant<AppealCase, ApiResponse> case_named(app::Services& services, soci::session& sql,
                                                 const http::ApiRequest& request) {
  const auto number = case_number_of(request);
  if (!number) return ApiResponse::error(404, ErrorCode::CaseNotFound, "case_number");
  auto appeal = store::AppealRepository(*services.cipher).find_by_number(sql, *number);
  if (!appeal || appeal->status == "draft") return ApiResponse::error(404, ErrorCode::CaseNotFound, "case_number");
  return std::move(*appeal);
}

bool second_review_needed(const app::Services& services, const AppealCase& appeal) {
  const AppealKind* kind = find_appeal_kind(appeal.kind);
  return services.limits.appeal_second_review != 0 && kind && kind->party == AppealParty::Enterprise;
}

// The frame of every route about one case: a reviewer, the case the path names (drafts are not
// found), and `work(sql, staff, appeal, now)` inside one transaction.
template <typename Work>
ApiResponse on_named_case(app::Services& services, const http::ApiRequest& request, Work&& work) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto named = case_named(services, sql, request);
    if (auto* refusal = std::get_if<ApiResponse>(&named)) return *refusal;
    return work(sql, staff, std::get<AppealCase>(named), now);
  });
}

}  // namespace

ApiResponse list_cases(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const long long now = services.now_seconds();
  store::AppealCaseFilter filter;
  filter.limit = kDefaultPage;
  for (const auto& [name, value] : request.query) {
    if (name == "kind") {
      if (!find_appeal_kind(value)) return ApiResponse::error(400, ErrorCode::AppealKindInvalid, "kind");
      filter.kind = value;
    } else if (name == "status") {
      if (value != "open" && (value == "draft" || appeal_status_label(value).empty()))
        return ApiResponse::error(400, ErrorCode::FilterInvalid, "status");
      filter.status = value;
    } else if (name == "overdue" || name == "mine") {
      if (value != "true" && value != "false") return ApiResponse::error(400, ErrorCode::FilterInvalid, name);
      if (value == "true" && name == "overdue") filter.due_before = now;
      if (value == "true" && name == "mine") filter.claimed_by = staff.staff.id;
    } else if (name == "older_than_hours") {
      const auto hours = digits(value);
      if (!hours || *hours > 24 * 365 * 10) return ApiResponse::error(400, ErrorCode::FilterInvalid, name);
      filter.submitted_before = now - *hours * 3600;
    } else if (name == "limit") {
      const auto n = digits(value);
      if (!n || *n < 1) return ApiResponse::error(400, ErrorCode::FilterInvalid, "limit");
      filter.limit = static_cast<int>(std::min<long long>(*n, kMaxPage));
    } else if (name == "cursor") {
      const auto n = digits(value);
      if (!n) return ApiResponse::error(400, ErrorCode::FilterInvalid, "cursor");
      filter.after_id = *n;
    } else {
      return ApiResponse::error(400, ErrorCode::FilterInvalid, "query");
    }
  }
  const int limit = filter.limit;
  filter.limit = limit + 1;
  store::AppealRepository appeals(*services.cipher);
  return services.db->with_session([&](soci::session& sql) {
    const auto cases = appeals.list(sql, filter);
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < cases.size() && static_cast<int>(i) < limit; ++i)
      items.push_back(case_summary(cases[i], staff.staff.id, now));
    nlohmann::json body = {{"cases", items}, {"next_cursor", nullptr}};
    if (static_cast<int>(cases.size()) > limit) body["next_cursor"] = std::to_string(cases[static_cast<std::size_t>(limit) - 1].id);
    return ApiResponse::json(200, body);
  });
}

ApiResponse show_case(app::Services& services, const http::ApiRequest& request) {
  store::AppealRepository appeals(*services.cipher);
  return on_named_case(services, request, [&](soci::session& sql, const SignedInStaff& staff, const AppealCase& appeal,
                                              long long now) -> ApiResponse {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& m : appeals.materials(sql, appeal.id, false)) {
      const AppealMaterialKind* kind = find_appeal_material_kind(m.kind);
      files.push_back({{"id", m.id}, {"kind", m.kind}, {"label", kind ? std::string(kind->label) : m.kind},
                       {"content_type", m.content_type}, {"size", m.size_bytes},
                       {"uploaded_at", http::format_rfc3339(m.created_at)}});
    }
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : appeals.events(sql, appeal.id))
      events.push_back({{"at", http::format_rfc3339(e.at)}, {"actor", e.actor}, {"action", e.action}, {"note", e.note}});
    nlohmann::json body = case_summary(appeal, staff.staff.id, now);
    body["contact_phone"] = appeal.contact_phone;  // unmasked: the reviewer may call the appellant
    body["first_reviewer_id"] = appeal.first_reviewer_id ? nlohmann::json(appeal.first_reviewer_id) : nlohmann::json(nullptr);
    body["decided_by"] = appeal.decided_by ? nlohmann::json(appeal.decided_by) : nlohmann::json(nullptr);
    body["decided_at"] = appeal.decided_at ? nlohmann::json(http::format_rfc3339(appeal.decided_at)) : nlohmann::json(nullptr);
    body["reason"] = appeal.decision_reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(appeal.decision_reason);
    body["details"] = case_details(appeal);
    body["account"] = account_of(services, sql, appeal);
    body["materials"] = files;
    body["materials_purged"] = appeal.materials_purged_at != 0;
    body["events"] = events;
    record_audit(sql, now, {staff.actor(), "case.read", target_of(appeal), request.client_ip, "ok", appeal.status});
    return ApiResponse::json(200, body);
  });
}

ApiResponse show_case_material(app::Services& services, const http::ApiRequest& request) {
  store::AppealRepository appeals(*services.cipher);
  return on_named_case(services, request, [&](soci::session& sql, const SignedInStaff& staff, const AppealCase& appeal,
                                              long long now) -> ApiResponse {
    const auto material_id = path_id(request, "material_id");
    const auto m = material_id ? appeals.material(sql, appeal.id, *material_id) : std::nullopt;
    if (!m) return ApiResponse::error(404, ErrorCode::CaseNotFound, "material_id");
    // Every look at an identity document leaves a trace: who, which file, when.
    record_audit(sql, now, {staff.actor(), "case.material.read", target_of(appeal), request.client_ip, "ok",
                            "material:" + std::to_string(m->id) + " " + m->kind});
    return ApiResponse::json(200, {{"id", m->id}, {"kind", m->kind}, {"content_type", m->content_type},
                                   {"size", m->size_bytes}, {"data", encode_document(m->data)}});
  });
}

ApiResponse claim_case(app::Services& services, const http::ApiRequest& request) {
  store::AppealRepository appeals(*services.cipher);
  return on_named_case(services, request, [&](soci::session& sql, const SignedInStaff& staff, const AppealCase& appeal,
                                              long long now) -> ApiResponse {
    const auto refuse = [&](int status, ErrorCode code) {
      record_audit(sql, now, {staff.actor(), "case.claim", target_of(appeal), request.client_ip, "denied",
                              std::string(code_name(code))});
      return ApiResponse::error(status, code);
    };
    if (appeal_status_final(appeal.status)) return refuse(409, ErrorCode::CaseAlreadyDecided);
    if (appeal.status == "in_review" || appeal.status == "second_review") {
      if (appeal.claimed_by == staff.staff.id) return ApiResponse::json(200, case_summary(appeal, staff.staff.id, now));
      return refuse(409, ErrorCode::CaseClaimedByOther);
    }
    std::string to;
    if (appeal.status == "submitted") to = "in_review";
    else if (appeal.status == "awaiting_second") to = "second_review";
    else return refuse(409, ErrorCode::CaseNotClaimable);
    if (to == "second_review" && appeal.first_reviewer_id == staff.staff.id) return refuse(409, ErrorCode::CaseOwnFirstReview);
    if (!appeals.claim(sql, appeal.id, appeal.status, to, staff.staff.id, now)) return refuse(409, ErrorCode::CaseClaimedByOther);
    appeals.add_event(sql, appeal.id, {now, staff.actor(), "claimed", to});
    record_audit(sql, now, {staff.actor(), "case.claim", target_of(appeal), request.client_ip, "ok", to});
    const auto claimed = appeals.find(sql, appeal.id);
    return ApiResponse::json(200, case_summary(*claimed, staff.staff.id, now));
  });
}

ApiResponse release_case(app::Services& services, const http::ApiRequest& request) {
  store::AppealRepository appeals(*services.cipher);
  return on_named_case(services, request, [&](soci::session& sql, const SignedInStaff& staff, const AppealCase& appeal,
                                              long long now) -> ApiResponse {
    if (appeal_status_final(appeal.status)) return ApiResponse::error(409, ErrorCode::CaseAlreadyDecided);
    const std::string back = appeal.status == "second_review" ? "awaiting_second" : "submitted";
    if ((appeal.status != "in_review" && appeal.status != "second_review") || appeal.claimed_by != staff.staff.id ||
        !appeals.release(sql, appeal.id, appeal.status, back, staff.staff.id, now))
      return ApiResponse::error(409, ErrorCode::CaseNotClaimed);
    appeals.add_event(sql, appeal.id, {now, staff.actor(), "released", back});
    record_audit(sql, now, {staff.actor(), "case.release", target_of(appeal), request.client_ip, "ok", back});
    return ApiResponse::json(200, case_summary(*appeals.find(sql, appeal.id), staff.staff.id, now));
  });
}

ApiResponse decide_case(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body, kAppealReasonMaxChars * 4);
  const std::string decision = fields.required("decision");
  const std::string reason = trim_text(fields.optional("reason").value_or(""));
  if (fields.failed()) return fields.error();
  if (decision != "approve" && decision != "reject") return ApiResponse::error(400, ErrorCode::ReviewDecisionInvalid, "decision");
  const bool approve = decision == "approve";
  if (!approve && reason.empty()) return ApiResponse::error(400, ErrorCode::ReviewReasonRequired, "reason");
  if (!reason.empty()) {
    if (ErrorCode e = check_free_text(reason, kAppealReasonMaxChars); e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "reason");
  }

  const long long now = services.now_seconds();
  store::AppealRepository appeals(*services.cipher);
  try {
    return services.db->transact([&](soci::session& sql) -> ApiResponse {
      auto named = case_named(services, sql, request);
      if (auto* refusal = std::get_if<ApiResponse>(&named)) return *refusal;
      const AppealCase& appeal = std::get<AppealCase>(named);
      const std::string action = "case." + decision;
      const auto refuse = [&](ErrorCode code) {
        record_audit(sql, now, {staff.actor(), action, target_of(appeal), request.client_ip, "denied", std::string(code_name(code))});
        return ApiResponse::error(409, code);
      };
      if (appeal_status_final(appeal.status)) return refuse(ErrorCode::CaseAlreadyDecided);
      if (appeal.status != "in_review" && appeal.status != "second_review") return refuse(ErrorCode::CaseNotClaimed);
      if (appeal.claimed_by != staff.staff.id) return refuse(ErrorCode::CaseClaimedByOther);

      if (approve && appeal.status == "in_review" && second_review_needed(services, appeal)) {
        if (!appeals.first_approve(sql, appeal.id, staff.staff.id, now)) return refuse(ErrorCode::CaseClaimedByOther);
        appeals.add_event(sql, appeal.id, {now, staff.actor(), "first_approved", reason});
        record_audit(sql, now, {staff.actor(), "case.first_approve", target_of(appeal), request.client_ip, "ok", reason});
        return ApiResponse::json(200, {{"case_number", appeal.case_number}, {"status", "awaiting_second"}});
      }

      const std::string final_status = approve ? "approved" : "rejected";
      // Compare-and-set first: of two decisions racing, only one goes on to change accounts.
      if (!appeals.decide(sql, appeal.id, appeal.status, final_status, staff.staff.id, reason, now))
        return refuse(ErrorCode::CaseAlreadyDecided);
      std::string note = reason;
      if (approve) {
        auto applied = apply_approved_appeal(services, sql, appeal, now, staff.actor(), request.client_ip);
        if (auto* code = std::get_if<ErrorCode>(&applied)) {
          // Nothing of the approval may stay: roll the whole transaction back, then say why.
          throw Refusal{*code};
        }
        const AppliedAppeal& done = std::get<AppliedAppeal>(applied);
        appeals.set_accounts(sql, appeal.id, done.person_id ? done.person_id : appeal.person_id,
                             done.enterprise_id ? done.enterprise_id : appeal.enterprise_id, now);
        note = done.audit_note.empty() ? reason : done.audit_note;
      }
      appeals.add_event(sql, appeal.id, {now, staff.actor(), final_status, reason});
      notify_appeal_outcome(services, sql, appeal, approve, reason, now);
      record_audit(sql, now, {staff.actor(), action, target_of(appeal), request.client_ip, "ok", note});
      return ApiResponse::json(200, {{"case_number", appeal.case_number}, {"status", final_status}});
    });
  } catch (const Refusal& refusal) {
    // Audited outside the rolled-back transaction, so the attempt stays on record.
    services.db->transact([&](soci::session& sql) {
      record_audit(sql, now, {staff.actor(), "case.approve", "appeal:" + request.params.at("case_number"),
                              request.client_ip, "denied", std::string(code_name(refusal.code))});
    });
    return ApiResponse::error(409, refusal.code);
  }
}

}  // namespace uia::flows
