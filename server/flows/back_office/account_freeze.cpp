#include "flows/back_office/account_freeze.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/back_office/path_id.h"
#include "flows/back_office/staff_auth.h"
#include "flows/oidc/enterprise_claims.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/sessions/session_store.h"
#include "http/json_fields.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

constexpr std::size_t kMaxReasonBytes = 1000;

struct AccountKind {
  const char* type;   // "person" | "enterprise"
  const char* table;  // persons | enterprises
  const char* path;   // the path parameter
};
constexpr AccountKind kPerson{"person", "persons", "person_id"};
constexpr AccountKind kEnterprise{"enterprise", "enterprises", "enterprise_id"};

bool frozen_in(soci::session& sql, const AccountKind& kind, long long id) {
  long long frozen_at = 0;
  soci::indicator set = soci::i_null;
  sql << std::string("SELECT frozen_at FROM ") + kind.table + " WHERE id = :id", soci::use(id), soci::into(frozen_at, set);
  return sql.got_data() && set == soci::i_ok;
}

bool exists(soci::session& sql, const AccountKind& kind, long long id) {
  long long found = 0;
  sql << std::string("SELECT id FROM ") + kind.table + " WHERE id = :id", soci::use(id), soci::into(found);
  return sql.got_data();
}

// Freezing ends every way the account is in use: its sign-in sessions and the tokens business
// systems hold. Unfreezing gives nothing back: the owner signs in again.
void end_use(app::Services& services, soci::session& sql, const AccountKind& kind, long long id, long long now) {
  if (&kind == &kPerson) {
    revoke_all_sessions(services, sql, id);
    oidc::revoke_person_tokens(sql, id, now, "account_frozen");
  } else {
    revoke_enterprise_sessions(services, sql, id);
    oidc::revoke_families_of_enterprise(sql, id, now, "account_frozen");
  }
}

ApiResponse change_freeze(app::Services& services, const http::ApiRequest& request, const AccountKind& kind, bool freeze) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const auto id = path_id(request, kind.path);
  if (!id) return ApiResponse::error(404, ErrorCode::AccountNotFound, kind.path);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body, kMaxReasonBytes);
  const std::string reason = fields.optional("reason").value_or("");
  if (fields.failed()) return fields.error();
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return ApiResponse::error(400, ErrorCode::FreezeReasonRequired, "reason");

  const long long now = services.now_seconds();
  const std::string target = std::string(kind.type) + ":" + std::to_string(*id);
  const std::string action = freeze ? "account.freeze" : "account.unfreeze";
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (!exists(sql, kind, *id)) return ApiResponse::error(404, ErrorCode::AccountNotFound, kind.path);
    // Compare-and-set on frozen_at: two staff freezing at once, one wins, the other hears 409.
    soci::statement st(sql);
    if (freeze) {
      st = (sql.prepare << std::string("UPDATE ") + kind.table +
                               " SET frozen_at = :now, frozen_reason = :r WHERE id = :id AND frozen_at IS NULL",
            soci::use(now), soci::use(reason), soci::use(*id));
    } else {
      st = (sql.prepare << std::string("UPDATE ") + kind.table +
                               " SET frozen_at = NULL, frozen_reason = NULL WHERE id = :id AND frozen_at IS NOT NULL",
            soci::use(*id));
    }
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      record_audit(sql, now, {staff.actor(), action, target, request.client_ip, "denied",
                              freeze ? "ACCOUNT_ALREADY_FROZEN" : "ACCOUNT_NOT_FROZEN"});
      return ApiResponse::error(409, freeze ? ErrorCode::AccountAlreadyFrozen : ErrorCode::AccountNotFrozen);
    }
    if (freeze) end_use(services, sql, kind, *id, now);
    record_audit(sql, now, {staff.actor(), action, target, request.client_ip, "ok", reason});
    return ApiResponse::json(200, {{"type", kind.type}, {"id", *id}, {"frozen", freeze}});
  });
}

nlohmann::json person_entry(soci::session& sql, const store::Person& p) {
  return {{"type", "person"},
          {"id", p.id},
          {"name", mask_name(p.name)},
          {"id_number", mask_id_number(p.id_number)},
          {"phone", p.phone ? nlohmann::json(mask_phone(*p.phone)) : nlohmann::json(nullptr)},
          {"status", store::status_name(p.status)},
          {"frozen", person_frozen(sql, p.id)}};
}

}  // namespace

bool person_frozen(soci::session& sql, long long person_id) { return frozen_in(sql, kPerson, person_id); }
bool enterprise_frozen(soci::session& sql, long long enterprise_id) { return frozen_in(sql, kEnterprise, enterprise_id); }

ApiResponse frozen_refusal() { return ApiResponse::error(403, ErrorCode::AccountFrozen); }

ApiResponse find_accounts(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  if (request.query.size() != 1) return ApiResponse::error(400, ErrorCode::FilterInvalid, "query");
  const auto& [name, value] = *request.query.begin();
  if ((name != "phone" && name != "id_number" && name != "uscc") || value.empty() || value.size() > 64)
    return ApiResponse::error(400, ErrorCode::FilterInvalid, name);
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) {
    nlohmann::json found = nlohmann::json::array();
    if (name == "phone") {
      if (auto p = persons.find_by_phone(sql, value)) found.push_back(person_entry(sql, *p));
    } else if (name == "id_number") {
      if (auto p = persons.find_by_any_id_number(sql, value)) found.push_back(person_entry(sql, *p));
    } else if (auto e = enterprises.find_by_uscc(sql, value)) {
      found.push_back({{"type", "enterprise"},
                       {"id", e->id},
                       {"name", e->name},  // an organisation's name is public (business registry)
                       {"uscc", e->uscc},
                       {"phone", e->phone ? nlohmann::json(mask_phone(*e->phone)) : nlohmann::json(nullptr)},
                       {"status", store::enterprise_status_name(e->status)},
                       {"frozen", enterprise_frozen(sql, e->id)}});
    }
    // Which staff member looked whom up is itself a trace worth keeping.
    record_audit(sql, now, {staff.actor(), "account.lookup", name, request.client_ip, "ok", std::to_string(found.size())});
    return ApiResponse::json(200, {{"accounts", found}});
  });
}

ApiResponse freeze_person(app::Services& s, const http::ApiRequest& r) { return change_freeze(s, r, kPerson, true); }
ApiResponse unfreeze_person(app::Services& s, const http::ApiRequest& r) { return change_freeze(s, r, kPerson, false); }
ApiResponse freeze_enterprise(app::Services& s, const http::ApiRequest& r) { return change_freeze(s, r, kEnterprise, true); }
ApiResponse unfreeze_enterprise(app::Services& s, const http::ApiRequest& r) { return change_freeze(s, r, kEnterprise, false); }

}  // namespace uia::flows
