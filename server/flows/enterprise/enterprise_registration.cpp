#include "flows/enterprise/enterprise_registration.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/enterprise/enterprise_fields.h"
#include "flows/enterprise/legal_representative.h"
#include "flows/enterprise/registry_check.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "store/enterprise_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Enterprise;
using store::EnterpriseStatus;
constexpr const char* kPurpose = "enterprise_register";

struct Application {
  std::string org_type, name, uscc, phone, sms_code, account, password;
  LegalRepInput rep;
};

std::optional<ApiResponse> read_application(const app::Services& services, const http::ApiRequest& request,
                                            Application& a) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  a.org_type = fields.required("org_type");
  a.name = fields.required("name");
  a.uscc = fields.required("uscc");
  a.phone = fields.required("phone");
  a.sms_code = fields.required("sms_code");
  a.account = fields.required("account");
  a.password = fields.required("password");
  const bool agreed = fields.flag("agree");
  if (auto refusal = read_legal_rep(services, fields, a.rep)) return refusal;
  if (fields.failed()) return fields.error();
  if (!agreed) return ApiResponse::error(400, ErrorCode::AgreementRequired, "agree");
  if (auto refusal = check_enterprise_identity(services.profile(), a.org_type, a.name, a.uscc)) return refusal;
  if (Verdict v = check_account_name(a.account, services.profile().account_name); !v.ok()) return ApiResponse::error(400, v, "account");
  if (Verdict v = check_password(a.password, a.account, services.profile().password); !v.ok()) return ApiResponse::error(400, v, "password");
  if (Verdict v = check_phone(a.phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  return std::nullopt;
}

// A registration whose face check never completed (its ticket expired) holds its USCC and
// account name only until someone applies again.
bool abandoned(const app::Services& services, const Enterprise& e, long long now) {
  return e.status == EnterpriseStatus::PendingFace && e.created_at + services.limits.face_ticket_ttl_seconds < now;
}

}  // namespace

ApiResponse register_enterprise(app::Services& services, const http::ApiRequest& request) {
  // A province without legal-person types (shandong, the gongshang app) has no enterprise
  // accounts of their own: one clear refusal before anything in the body is looked at.
  if (services.profile().organisation_types.empty())
    return ApiResponse::error(403, ErrorCode::EnterpriseRegistrationUnavailable);
  Application a;
  if (auto refusal = read_application(services, request, a)) return *refusal;
  if (!services.ports.registry) return ApiResponse::error(503, ErrorCode::RegistryUnavailable);
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const long long now = services.now_seconds();

  std::optional<long long> representative;
  std::optional<long long> stale;  // an abandoned registration of this USCC or account name
  const auto checks = [&](soci::session& sql) -> std::optional<ApiResponse> {
    stale.reset();
    if (auto existing = enterprises.find_by_uscc(sql, a.uscc)) {
      if (abandoned(services, *existing, now)) {
        stale = existing->id;
      } else {
        ApiResponse out = ApiResponse::error(409, ErrorCode::UsccRegistered, "uscc");
        out.body["error"]["next"] =
            existing->status == EnterpriseStatus::PendingActivation ? "activate" : "login_or_recover";
        return out;
      }
    }
    if (auto holder = enterprises.find_by_account(sql, a.account); holder && !(stale && holder->id == *stale)) {
      if (!abandoned(services, *holder, now)) return ApiResponse::error(409, ErrorCode::AccountTaken, "account");
      if (stale) return ApiResponse::error(409, ErrorCode::AccountTaken, "account");  // two rows to clear: rare, refuse
      stale = holder->id;
    }
    auto rep = find_legal_rep(services, sql, a.rep);
    if (auto* refusal = std::get_if<ApiResponse>(&rep)) return *refusal;
    representative = std::get<store::Person>(rep).id;
    return std::nullopt;
  };

  // 1. The SMS code proves the phone (checked, not spent); uniqueness; the representative.
  std::optional<ApiResponse> refusal = services.db->transact([&](soci::session& sql) -> std::optional<ApiResponse> {
    if (ErrorCode e = verify_sms_code(services, sql, a.phone, kPurpose, a.sms_code, SmsCodeUse::CheckOnly);
        e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    return checks(sql);
  });
  if (refusal) return *refusal;

  // 2. The business registry's four-element check (outside any transaction: it may be slow).
  const ports::RegistryAnswer registry = ask_registry(services, {a.uscc, a.name, a.rep.name, a.rep.id_number});
  if (registry.verdict == ports::RegistryVerdict::Mismatch) {
    services.db->transact([&](soci::session& sql) {
      count_failed_use(services, sql, a.phone, kPurpose);
      record_audit(sql, now, {"anonymous", "enterprise.register", "uscc:" + a.uscc, request.client_ip, "denied",
                              "REGISTRY_MISMATCH"});
    });
    return ApiResponse::error(400, ErrorCode::RegistryMismatch, "name");
  }
  const bool confirmed = registry.verdict == ports::RegistryVerdict::Confirmed;

  // 3. Slow, side-effect-free work before the write transaction.
  const std::string password_hash = services.passwords->hash(a.password);
  if (password_hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  const bool face_needed = legal_rep_needs_face(a.rep);
  ports::FaceTicket face;
  if (face_needed) {
    face = services.ports.face->start({a.rep.name, a.rep.id_number, kPurpose});
    if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  }

  Enterprise e;
  e.account = a.account;
  e.uscc = a.uscc;
  e.name = a.name;
  e.org_type = a.org_type;
  e.rep_person_id = representative;
  e.rep_name = a.rep.name;
  e.rep_id_type = a.rep.id_type;
  e.rep_id_number = a.rep.id_number;
  e.rep_id_valid_from = a.rep.valid_from;
  e.rep_id_valid_to = a.rep.valid_to;
  e.phone = a.phone;
  e.password_hash = password_hash;
  e.status = face_needed ? EnterpriseStatus::PendingFace
             : confirmed ? EnterpriseStatus::Active
                         : EnterpriseStatus::Unverified;
  e.registry_confirmed = confirmed;
  e.registry_checked_at = now;
  if (confirmed) e.registry = registry.entry;
  e.created_at = e.updated_at = now;

  // 4. One transaction: re-check, spend the code, store, open the face check, audit.
  const auto store = [&]() {
    return services.db->transact([&](soci::session& sql) -> ApiResponse {
      if (auto conflict = checks(sql)) return *conflict;
      if (ErrorCode code = verify_sms_code(services, sql, a.phone, kPurpose, a.sms_code, SmsCodeUse::Consume);
          code != ErrorCode::Ok)
        return ApiResponse::error(400, code, "sms_code");
      if (stale) {
        enterprises.remove(sql, *stale);
        record_audit(sql, now, {"system", "enterprise.withdraw", "enterprise:" + std::to_string(*stale),
                                request.client_ip, "ok", "abandoned registration replaced"});
      }
      const long long id = enterprises.insert(sql, e);
      if (face_needed) {
        const long long expires_at = now + services.limits.face_ticket_ttl_seconds;
        sql << "INSERT INTO face_checks (ticket, person_id, purpose, status, created_at, expires_at, enterprise_id) "
               "VALUES (:t, :p, 'enterprise_register', 'pending', :c, :e, :ent)",
            soci::use(face.ticket), soci::use(*representative), soci::use(now), soci::use(expires_at), soci::use(id);
      }
      const std::string target = "enterprise:" + std::to_string(id);
      record_audit(sql, now, {"person:" + std::to_string(*representative), "enterprise.register", target,
                              request.client_ip, "ok", std::string(store::enterprise_status_name(e.status))});
      nlohmann::json body = {{"enterprise_id", id}, {"status", store::enterprise_status_name(e.status)},
                             {"registry_confirmed", confirmed}};
      if (face_needed) {
        body["face_ticket"] = face.ticket;
        body["face_url"] = face.start_url;
      }
      return ApiResponse::json(201, body);
    });
  };
  try {
    return store();
  } catch (const soci::soci_error&) {
    // A concurrent registration took the USCC or account name between the checks and the insert.
    if (auto conflict = services.db->with_session(checks)) return *conflict;
    throw;
  }
}

void complete_enterprise_face_check(app::Services& services, soci::session& sql, const std::string& ticket,
                                    bool passed, long long now) {
  long long enterprise_id = 0;
  soci::indicator set = soci::i_null;
  sql << "SELECT enterprise_id FROM face_checks WHERE ticket = :t", soci::use(ticket), soci::into(enterprise_id, set);
  if (!sql.got_data() || set != soci::i_ok) return;
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const auto e = enterprises.find_by_id(sql, enterprise_id);
  if (!e || e->status != EnterpriseStatus::PendingFace) return;
  const std::string target = "enterprise:" + std::to_string(enterprise_id);
  if (!passed) {
    // The representative did not confirm: the registration is withdrawn, freeing its USCC and
    // account name for a new application.
    enterprises.remove(sql, enterprise_id);
    record_audit(sql, now, {"system", "enterprise.register", target, "", "failed", "face check failed"});
    return;
  }
  const EnterpriseStatus next = e->registry_confirmed ? EnterpriseStatus::Active : EnterpriseStatus::Unverified;
  enterprises.change_status(sql, enterprise_id, EnterpriseStatus::PendingFace, next, now);
  record_audit(sql, now, {"system", "enterprise.register", target, "", "ok", std::string(store::enterprise_status_name(next))});
}

}  // namespace uia::flows
