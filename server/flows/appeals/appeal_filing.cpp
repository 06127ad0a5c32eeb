// POST /api/v1/appeals: files a case as a draft (status draft, an upload token for its materials).
#include <soci/soci.h>

#include "appeals/appeals.h"
#include "crypto/tokens.h"
#include "flows/appeals/appeal_access.h"
#include "flows/appeals/appeal_application.h"
#include "flows/appeals/appeals_rest.h"
#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/sms/sms_codes.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
constexpr const char* kSmsPurpose = "appeal";

// Thrown inside the filing transaction to roll it back (the SMS code stays unspent).
struct AlreadyOpen {};

nlohmann::json material_codes(std::span<const std::string_view> codes) {
  nlohmann::json out = nlohmann::json::array();
  for (auto code : codes) out.push_back(code);
  return out;
}

// The accounts the case is about, as they are now (the reviewer sees them; the appellant never
// learns whether they exist). For a phone claim, who holds the phone is kept too: an approval
// refuses to move it when it changed hands since.
void note_accounts(app::Services& services, soci::session& sql, const AppealApplication& a, store::AppealCase& c,
                   nlohmann::json& details) {
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  if (a.kind->party == AppealParty::Person) {
    if (auto own = persons.find_by_id_number(sql, details.value("id_type", ""), details.value("id_number", ""))) c.person_id = own->id;
    if (a.kind->code == "person_phone_taken") {
      const auto holder = persons.find_by_phone(sql, a.phone);
      details["phone_holder_id"] = holder ? holder->id : 0;
    }
  } else if (auto e = enterprises.find_by_uscc(sql, details.value("uscc", ""))) {
    c.enterprise_id = e->id;
  }
}

}  // namespace

ApiResponse file_appeal(app::Services& services, const http::ApiRequest& request) {
  AppealApplication a;
  if (auto refusal = read_appeal_application(services, request, a)) return *refusal;
  const long long now = services.now_seconds();
  const auto keys = appeal_open_keys(services, a.open_values);

  // 1. The captcha (where the form has one) is spent; the SMS code is checked, not spent.
  auto refusal = services.db->transact([&](soci::session& sql) -> std::optional<ApiResponse> {
    if (a.needs_captcha) {
      if (ErrorCode e = consume_captcha(services, sql, a.captcha_id, a.captcha_answer); e != ErrorCode::Ok)
        return ApiResponse::error(400, e, "captcha_answer");
    }
    if (ErrorCode e = verify_sms_code(services, sql, a.phone, kSmsPurpose, a.sms_code, SmsCodeUse::CheckOnly);
        e != ErrorCode::Ok)
      return ApiResponse::error(400, e, "sms_code");
    if (appeal_keys_held(sql, keys)) return ApiResponse::error(409, ErrorCode::AppealAlreadyOpen);
    return std::nullopt;
  });
  if (refusal) return *refusal;

  // 2. Slow work outside the write transaction: only the hash of the new password is kept.
  nlohmann::json details = a.details;
  if (!a.password.empty()) {
    const std::string hash = services.passwords->hash(a.password);
    if (hash.empty()) return ApiResponse::error(503, ErrorCode::ServiceBusy);
    details["password_hash"] = hash;
  }
  const std::string token = crypto::random_token(*services.random, 32);

  // 3. One transaction: spend the code, store the case, claim its keys, audit. A case number
  //    already used (1 in a million a day) is drawn again.
  const auto store = [&](const std::string& case_number) {
    return services.db->transact([&](soci::session& sql) -> ApiResponse {
      if (ErrorCode e = verify_sms_code(services, sql, a.phone, kSmsPurpose, a.sms_code, SmsCodeUse::Consume);
          e != ErrorCode::Ok)
        return ApiResponse::error(400, e, "sms_code");
      store::AppealCase c;
      c.case_number = case_number;
      c.kind = std::string(a.kind->code);
      c.status = "draft";
      c.contact_phone = a.phone;
      c.contact_phone_index = (*services.blind_index)("phone", a.phone);
      nlohmann::json stored = details;
      note_accounts(services, sql, a, c, stored);
      c.details = stored.dump();
      c.draft_expires_at = now + services.limits.appeal_draft_hours * 3600LL;
      c.created_at = c.updated_at = now;
      store::AppealRepository appeals(*services.cipher);
      const long long id = appeals.insert(sql, c, crypto::token_hash(token));
      if (!appeals.claim_open_keys(sql, id, keys)) throw AlreadyOpen{};
      appeals.add_event(sql, id, {now, "appellant", "filed", c.kind});
      record_audit(sql, now, {"anonymous", "appeal.filed", "appeal:" + case_number, request.client_ip, "ok", c.kind});
      return ApiResponse::json(201, {{"case_number", case_number},
                                     {"status", "draft"},
                                     {"upload_token", token},
                                     {"upload_expires_in", services.limits.appeal_draft_hours * 3600LL},
                                     {"required_materials", material_codes(required_appeal_materials(c.kind))},
                                     {"optional_materials", material_codes(optional_appeal_materials(c.kind))}});
    });
  };
  for (int attempt = 1;; ++attempt) {
    try {
      return store(new_case_number(services, now));
    } catch (const AlreadyOpen&) {
      return ApiResponse::error(409, ErrorCode::AppealAlreadyOpen);
    } catch (const soci::soci_error&) {
      // Another filing claimed one of the keys between our read and insert (MySQL: the primary
      // key refused it), or the case number was taken.
      if (services.db->with_session([&](soci::session& sql) { return appeal_keys_held(sql, keys); }))
        return ApiResponse::error(409, ErrorCode::AppealAlreadyOpen);
      if (attempt == 3) throw;
    }
  }
}

}  // namespace uia::flows
